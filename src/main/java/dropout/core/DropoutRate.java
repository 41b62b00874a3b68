package dropout.core;

/**
 * How much dropout: a value that always knows which convention it was given in.
 * <p>
 * The articles disagree on what "p" means. Srivastava et al. (2014) and CS231n call p the probability
 * of <em>keeping</em> a unit; d2l, PyTorch and Keras call p the probability of <em>dropping</em> it.
 * Here there is no bare "p": a rate is made with {@link #drop(double)} or {@link #keep(double)}, and read
 * back with {@link #dropProbability()} or {@link #keepProbability()}. Always q = 1 − p.
 * <p>
 * Refused: a value outside [0, 1] (or NaN), and a keep probability q with 0 &lt; q &lt; 2⁻³² ({@link #MIN_KEEP}).
 * A mask keeps a unit when a 32-bit random draw falls below ⌊q · 2³²⌋ ({@link Mask}), so below 2⁻³² no unit could
 * ever be kept, and inverted dropout's 1/q would overflow float into NaN outputs: such a rate is refused rather
 * than approximated. q = 0 (p = 1) is exact: every unit is dropped.
 */
public final class DropoutRate {
    /** No dropout: p = 0, q = 1. */
    public static final DropoutRate NONE = drop(0.0);

    /** The smallest positive keep probability, 2⁻³²: one 32-bit mask draw in 2³² keeps the unit. */
    public static final double MIN_KEEP = 0x1p-32;

    private final double drop;
    private final double keep;

    private DropoutRate(double drop, double keep) {
        this.drop = drop;
        this.keep = keep;
    }

    /** A rate given as the drop probability p (d2l, PyTorch, Keras): each unit is zeroed with probability p. */
    public static DropoutRate drop(double p) {
        check(p, "drop probability p", "drop");
        double q = 1.0 - p;
        if (q > 0.0 && q < MIN_KEEP) {
            throw new IllegalArgumentException("drop probability p = " + p + " leaves a keep probability q = 1 − p = " + q
                    + ", below 2^-32 = " + MIN_KEEP + ", the smallest a 32-bit mask draw can keep: no unit would ever"
                    + " survive. Use DropoutRate.drop(1) to drop every unit, or a p of at most 1 − 2^-32.");
        }
        return new DropoutRate(p, q);
    }

    /** A rate given as the keep probability q (Srivastava et al. 2014, CS231n): each unit survives with probability q. */
    public static DropoutRate keep(double q) {
        check(q, "keep probability q", "keep");
        if (q > 0.0 && q < MIN_KEEP) {
            throw new IllegalArgumentException("keep probability q = " + q + " is below 2^-32 = " + MIN_KEEP + ", the"
                    + " smallest a 32-bit mask draw can keep: no unit would ever survive. Use DropoutRate.keep(0) to drop"
                    + " every unit, or a q of at least 2^-32.");
        }
        return new DropoutRate(1.0 - q, q);
    }

    /** Outside [0, 1] neither convention accepts the value, so the only hint is a percentage read as a fraction. */
    private static void check(double value, String what, String factory) {
        if (!(value >= 0.0 && value <= 1.0)) {
            String hint = value > 1.0 && value <= 100.0
                    ? "; if " + value + " was meant as a percentage, use DropoutRate." + factory + "(" + shortest(value / 100)
                            + ")."
                    : ".";
            throw new IllegalArgumentException(what + " = " + value + " is not in [0, 1]: a probability must lie in [0, 1]."
                    + " Pass a value in [0, 1]" + hint);
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
