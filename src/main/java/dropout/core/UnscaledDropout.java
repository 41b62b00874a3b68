package dropout.core;

/**
 * The classic mistake, kept as a class so it can be measured: masks in training (h · m) but no scaling
 * anywhere. Prediction then returns h while training averaged h · q, so every dropout layer inflates the
 * prediction by 1/q relative to what the next layer was trained on.
 */
public record UnscaledDropout(DropoutRate rate) implements Dropout {

    public UnscaledDropout {
        java.util.Objects.requireNonNull(rate, "rate: give DropoutRate.drop(p) or DropoutRate.keep(q)");
    }

    @Override
    public Dropout withRate(DropoutRate rate) {
        return new UnscaledDropout(rate);
    }

    @Override
    public float trainScale() {
        return 1f;
    }

    @Override
    public float predictScale() {
        return 1f;
    }
}
