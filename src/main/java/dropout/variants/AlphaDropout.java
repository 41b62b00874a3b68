package dropout.variants;

import dropout.core.DropoutRate;
import dropout.core.Mask;
import dropout.core.Rng;
import dropout.nn.Mlp;
import dropout.nn.NoiseLayer;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Alpha dropout, the dropout of self-normalising (SELU) networks (Klambauer et al. 2017). Ordinary dropout sets
 * a dropped unit to 0, which for SELU is not "no signal" and shifts the mean and variance; alpha dropout sets it
 * to SELU's negative saturation value α' = −λ·α, then applies an affine map that restores mean 0 and variance 1:
 * <pre>
 *   training:    y = a · (x·m + α'·(1 − m)) + b,   m ~ Bernoulli(q),   α' = −λα ≈ −1.7581
 *                a = (q + α'²·q·p)^(−1/2),   b = −a·α'·p
 *   prediction:  y = x
 *   backward:    dx = dy · a · m   (the forward pass's m)
 * </pre>
 * Derivation, for x ~ N(0, 1) independent of m: x_d = x·m + α'(1 − m) has E[x_d] = q·0 + p·α' = p·α' and
 * E[x_d²] = q·1 + p·α'², so Var[x_d] = q + p·α'² − p²α'² = q + α'²·q·p. Then a = Var[x_d]^(−1/2) makes the
 * variance 1 and b = −a·E[x_d] = −a·α'·p makes the mean 0 (Klambauer et al.'s formulas at their fixed point
 * μ = 0, ν = 1). Note what is preserved: the <em>distribution's</em> mean and variance, not each unit's
 * expectation. For a fixed x, E[y] = a·q·x ≠ x; that is the price of keeping the self-normalising fixed point.
 * <p>
 * Edges, decided: p = 0 gives a = 1, b = 0, the identity (the input itself is returned); p = 1 is rejected:
 * every unit would be the constant α', whose variance 0 no affine map can bring back to 1 (a = 0^(−1/2)).
 */
public final class AlphaDropout extends NoiseLayer {
    /** The value a dropped unit takes before the affine map: SELU's limit at −∞, −λα. */
    public static final double ALPHA_PRIME = -Selu.LAMBDA * Selu.ALPHA;
    private DropoutRate rate;
    private double a;
    private double b;
    private float lastA;

    public AlphaDropout(int size, DropoutRate rate, Rng rng) {
        super(size, rng);
        setRate(rate);
    }

    /** For {@link Mlp#layerAfterActivation}: {@code .activation(Selu::new).layerAfterActivation(AlphaDropout.factory(DropoutRate.drop(0.05)))}. */
    public static Mlp.HiddenLayerFactory factory(DropoutRate rate) {
        scale(rate);
        return (size, rng) -> new AlphaDropout(size, rate, rng);
    }

    /** a = (q + α'²·q·p)^(−1/2); rejects p = 1. */
    public static double scale(DropoutRate rate) {
        Objects.requireNonNull(rate, "rate: give DropoutRate.drop(p) or DropoutRate.keep(q)");
        double p = rate.dropProbability();
        double q = rate.keepProbability();
        if (q == 0.0) {
            throw new IllegalArgumentException("alpha dropout with " + rate + ": at p = 1 every unit is the constant α' = −λα,"
                    + " whose variance (0) no affine map restores to 1 (a = (q + α'²qp)^(−1/2) is infinite)."
                    + " Use p < 1; Klambauer et al. suggest p = 0.05 or 0.1.");
        }
        return 1.0 / Math.sqrt(q + ALPHA_PRIME * ALPHA_PRIME * q * p);
    }

    /** b = −a·α'·p. */
    public static double shift(DropoutRate rate) {
        return -scale(rate) * ALPHA_PRIME * rate.dropProbability();
    }

    /** The current a. */
    public double a() {
        return a;
    }

    /** The current b. */
    public double b() {
        return b;
    }

    @Override
    public DropoutRate rate() {
        return rate;
    }

    /** Sets p; p = 1 is rejected, see the class comment. */
    @Override
    public void setRate(DropoutRate rate) {
        double newA = scale(rate);
        this.b = shift(rate);
        this.a = newA;
        this.rate = rate;
    }

    /** The 0/1 mask of the last training-mode pass (live buffer), or null when it was the identity. */
    public INDArray lastMask() {
        return lastSample();
    }

    @Override
    protected boolean startTrainingPass() {
        return rate.dropProbability() == 0.0;
    }

    @Override
    protected void sample(FloatBuffer mask, int n, Rng rng) {
        Mask.fill(mask, n, rate, rng);
    }

    @Override
    protected void combine(FloatBuffer x, FloatBuffer mask, FloatBuffer y, int n) {
        // y = a·(x·m + α'(1 − m)) + b = m·(a·x − a·α') + (a·α' + b): one multiply-add, no branch
        float fa = (float) a;
        float dropped = (float) (a * ALPHA_PRIME + b);
        float offset = (float) (-a * ALPHA_PRIME);
        for (int i = 0; i < n; i++) {
            y.put(i, mask.get(i) * (fa * x.get(i) + offset) + dropped);
        }
        lastA = fa;
    }

    @Override
    protected void derivative(FloatBuffer dy, FloatBuffer mask, FloatBuffer dx, int n) {
        float fa = lastA;
        for (int i = 0; i < n; i++) {
            dx.put(i, dy.get(i) * mask.get(i) * fa);
        }
    }

    @Override
    public String toString() {
        return "AlphaDropout(" + rate + ")";
    }
}
