package dropout.core;

/**
 * Inverted dropout, what frameworks ship: training output h · m / q with m ~ Bernoulli(q), so that
 * E[h · m / q] = h and prediction is the identity (nothing to remember at deployment).
 * Var[h · m / q] = h² · p / q. At q = 0 (p = 1) every unit is dropped and the output is 0: the
 * scale is defined as 0 there, never 1/0.
 */
public record InvertedDropout(DropoutRate rate) implements Dropout {

    public InvertedDropout {
        java.util.Objects.requireNonNull(rate, "rate: give DropoutRate.drop(p) or DropoutRate.keep(q)");
    }

    /** Inverted dropout with drop probability p. */
    public static InvertedDropout drop(double p) {
        return new InvertedDropout(DropoutRate.drop(p));
    }

    /** Inverted dropout with keep probability q. */
    public static InvertedDropout keep(double q) {
        return new InvertedDropout(DropoutRate.keep(q));
    }

    @Override
    public Dropout withRate(DropoutRate rate) {
        return new InvertedDropout(rate);
    }

    @Override
    public float trainScale() {
        double q = rate.keepProbability();
        return q == 0.0 ? 0f : (float) (1.0 / q);
    }

    @Override
    public float predictScale() {
        return 1f;
    }
}
