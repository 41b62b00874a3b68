package dropout.variants;

import dropout.core.DropoutRate;
import dropout.core.Rng;
import dropout.nn.Mlp;
import dropout.nn.NoiseLayer;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gaussian dropout (Srivastava et al. 2014, §10): multiplicative noise instead of a 0/1 mask.
 * <pre>
 *   training:    y = h · ε,   ε ~ N(1, σ²) independently per unit and example,   σ² = p / (1 − p) = p / q
 *   prediction:  y = h        (E[ε] = 1, nothing to rescale)
 *   backward:    dh = dy · ε  with the ε sampled in the forward pass
 * </pre>
 * Why σ² = p/q: the inverted Bernoulli factor m/q has mean 1 and variance p/q, so h·ε has the same first
 * two moments as inverted dropout's h·m/q: E = h, Var = h²·p/q. Same rate, same noise level, another shape.
 * <p>
 * Edges, decided: p = 0 gives σ = 0, the identity (the input array itself is returned, as by
 * {@link dropout.nn.DropoutLayer}); p = 1 is rejected: σ² = p/q is infinite, and no finite noise matches
 * "drop everything" (Bernoulli dropout's p = 1 output is 0, whose mean is not h). Any p in [0, 1) is allowed;
 * near 1 the noise is huge (p = 0.9 gives σ = 3).
 * <p>
 * Cost: one N(0, 1) draw per unit (the JDK's ziggurat, about twice a Bernoulli draw) and one multiply.
 * The noise is kept ({@link #lastNoise()}) for the backward pass.
 */
public final class GaussianDropout extends NoiseLayer {
    private DropoutRate rate;
    private double sigma;

    public GaussianDropout(int size, DropoutRate rate, Rng rng) {
        super(size, rng);
        setRate(rate);
    }

    /** For {@link Mlp#layerAfterActivation}: {@code .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.5)))}. */
    public static Mlp.HiddenLayerFactory factory(DropoutRate rate) {
        sigma(rate);
        return (size, rng) -> new GaussianDropout(size, rate, rng);
    }

    /** σ = √(p / (1 − p)), the noise's standard deviation for drop probability p; rejects p = 1. */
    public static double sigma(DropoutRate rate) {
        Objects.requireNonNull(rate, "rate: give DropoutRate.drop(p) or DropoutRate.keep(q)");
        double p = rate.dropProbability();
        double q = rate.keepProbability();
        if (q == 0.0) {
            throw new IllegalArgumentException("Gaussian dropout with " + rate + ": the noise variance σ² = p/(1 − p)"
                    + " is infinite at p = 1. Use p < 1 (p = 0.5 gives σ = 1), or Bernoulli dropout, whose p = 1 output is 0.");
        }
        return Math.sqrt(p / q);
    }

    /** The current σ. */
    public double sigma() {
        return sigma;
    }

    /** P(ε &lt; 0) for ε ~ N(1, σ²): Φ(−1/σ), the share of multipliers that flip a unit's sign (0.1587 at p = 0.5). */
    public double negativeShare() {
        return DropConnectDense.normalCdf(-1 / sigma());
    }

    @Override
    public DropoutRate rate() {
        return rate;
    }

    /** Sets p (σ² = p/(1 − p)); p = 1 is rejected, see the class comment. */
    @Override
    public void setRate(DropoutRate rate) {
        this.sigma = sigma(rate);
        this.rate = rate;
    }

    /** The noise ε of the last training-mode pass (live buffer; {@code dup()} to keep), or null when it was the identity. */
    public INDArray lastNoise() {
        return lastSample();
    }

    @Override
    protected boolean startTrainingPass() {
        return sigma == 0.0;
    }

    @Override
    protected void sample(FloatBuffer noise, int n, Rng rng) {
        double s = sigma;
        for (int i = 0; i < n; i++) {
            noise.put(i, (float) (1.0 + s * rng.gaussian()));
        }
    }

    @Override
    protected void combine(FloatBuffer x, FloatBuffer noise, FloatBuffer y, int n) {
        for (int i = 0; i < n; i++) {
            y.put(i, x.get(i) * noise.get(i));
        }
    }

    @Override
    protected void derivative(FloatBuffer dy, FloatBuffer noise, FloatBuffer dx, int n) {
        combine(dy, noise, dx, n);
    }

    @Override
    public String toString() {
        return "GaussianDropout(" + rate + ", σ = " + (float) sigma + ")";
    }
}
