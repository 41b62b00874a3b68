package dropout.core;

/**
 * How much dropout: a value that always knows which convention it was given in.
 * <p>
 * The articles disagree on what "p" means. Srivastava et al. (2014) and CS231n call p the probability
 * of <em>keeping</em> a unit; d2l, PyTorch and Keras call p the probability of <em>dropping</em> it.
 * Here there is no bare "p": a rate is made with {@link #drop(double)} or {@link #keep(double)}, and read
 * back with {@link #dropProbability()} or {@link #keepProbability()}. Always q = 1 − p.
 */
public final class DropoutRate {
    /** No dropout: p = 0, q = 1. */
    public static final DropoutRate NONE = drop(0.0);

    private final double drop;
    private final double keep;

    private DropoutRate(double drop, double keep) {
        this.drop = drop;
        this.keep = keep;
    }

    /** A rate given as the drop probability p (d2l, PyTorch, Keras): each unit is zeroed with probability p. */
    public static DropoutRate drop(double p) {
        check(p, "drop probability p", "keep(q)", "keep probability");
        return new DropoutRate(p, 1.0 - p);
    }

    /** A rate given as the keep probability q (Srivastava et al. 2014, CS231n): each unit survives with probability q. */
    public static DropoutRate keep(double q) {
        check(q, "keep probability q", "drop(p)", "drop probability");
        return new DropoutRate(1.0 - q, q);
    }

    private static void check(double value, String what, String other, String otherWhat) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(what + " = " + value + " is not in [0, 1]: a probability must lie in [0, 1]."
                    + " Pass a value in [0, 1]; if " + value + " was meant as a " + otherWhat + ", use DropoutRate." + other + ".");
        }
    }

    /** p: the probability that a unit is zeroed. */
    public double dropProbability() {
        return drop;
    }

    /** q = 1 − p: the probability that a unit survives. */
    public double keepProbability() {
        return keep;
    }

    /** Equal when they describe the same Bernoulli mask, whichever convention made them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DropoutRate r && Math.abs(r.drop - drop) <= 1e-12;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(Math.round(drop * 1e12) / 1e12);
    }

    @Override
    public String toString() {
        return "drop p = " + shortest(drop) + " (keep q = " + shortest(keep) + ")";
    }

    /** 0.19999999999999996 (from keep(0.8)) prints as 0.2: twelve decimals are plenty for a probability. */
    private static String shortest(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(12, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
