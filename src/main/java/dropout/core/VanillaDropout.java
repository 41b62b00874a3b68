package dropout.core;

/**
 * Vanilla dropout, as in Srivastava et al. (2014): training output h · m with m ~ Bernoulli(q),
 * no scaling; at prediction the weights (here: the activations) are scaled by q, so
 * prediction output h · q equals the training expectation E[h · m] = h · q.
 */
public record VanillaDropout(DropoutRate rate) implements Dropout {

    public VanillaDropout {
        java.util.Objects.requireNonNull(rate, "rate: give DropoutRate.drop(p) or DropoutRate.keep(q)");
    }

    /** Vanilla dropout with drop probability p. */
    public static VanillaDropout drop(double p) {
        return new VanillaDropout(DropoutRate.drop(p));
    }

    /** Vanilla dropout with keep probability q. */
    public static VanillaDropout keep(double q) {
        return new VanillaDropout(DropoutRate.keep(q));
    }

    @Override
    public Dropout withRate(DropoutRate rate) {
        return new VanillaDropout(rate);
    }

    @Override
    public float trainScale() {
        return 1f;
    }

    @Override
    public float predictScale() {
        return (float) rate.keepProbability();
    }
}
