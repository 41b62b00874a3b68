package dropout.measure;

import dropout.core.Rng;

/**
 * Noise injection seen as a penalty (Bishop 1995): for a linear unit z = w·x with target y, the squared error
 * averaged over input noise is the clean error plus a term that depends only on the weights and the input.
 * <pre>
 *   Gaussian noise x + ε, ε ~ N(0, σ²):       E[(y − w·(x + ε))²]  = (y − w·x)² + σ²·Σ_i w_i²          (weight decay)
 *   inverted dropout x ⊙ m / q, m ~ Bern(q):  E[(y − w·(x ⊙ m)/q)²] = (y − w·x)² + (p/q)·Σ_i w_i²·x_i²
 * </pre>
 * Each factory computes both sides: the formula and a Monte-Carlo average over {@code samples} noisy copies of x,
 * with its standard error, so that a notebook can print them side by side.
 */
public record NoisePenalty(double cleanError, double penalty, double monteCarlo, double standardError) {

    /** The formula's total, clean error plus penalty. */
    public double formula() {
        return cleanError + penalty;
    }

    /** Inverted dropout with drop probability p on the inputs of z = w·x. */
    public static NoisePenalty dropout(float[] w, float[] x, double y, double p, int samples, long seed) {
        check(w, x, samples);
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p = " + p + ": the drop probability must be in [0, 1) here"
                    + " (at p = 1 the unit sees only zeros and the penalty is undefined)");
        }
        double q = 1 - p;
        double penalty = 0;
        for (int i = 0; i < w.length; i++) {
            penalty += (double) w[i] * w[i] * x[i] * x[i];
        }
        Rng rng = Rng.seeded(seed);
        return of(w, x, y, penalty * p / q, samples, i -> rng.uniform() < q ? x[i] / q : 0.0);
    }

    /** Additive Gaussian noise N(0, σ²) on every input of z = w·x. */
    public static NoisePenalty gaussian(float[] w, float[] x, double y, double sigma, int samples, long seed) {
        check(w, x, samples);
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + ": the noise's standard deviation must be finite and ≥ 0");
        }
        double squares = 0;
        for (float v : w) {
            squares += (double) v * v;
        }
        Rng rng = Rng.seeded(seed);
        return of(w, x, y, sigma * sigma * squares, samples, i -> x[i] + sigma * rng.gaussian());
    }

    private interface NoisyInput {
        double at(int i);
    }

    private static NoisePenalty of(float[] w, float[] x, double y, double penalty, int samples, NoisyInput noisy) {
        double clean = 0;
        for (int i = 0; i < w.length; i++) {
            clean += (double) w[i] * x[i];
        }
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < samples; s++) {
            double z = 0;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * noisy.at(i);
            }
            double e = (y - z) * (y - z);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / samples;
        double variance = Math.max(0, sumSq / samples - mean * mean);
        return new NoisePenalty((y - clean) * (y - clean), penalty, mean, Math.sqrt(variance / samples));
    }

    private static void check(float[] w, float[] x, int samples) {
        if (w.length != x.length || w.length == 0) {
            throw new IllegalArgumentException(w.length + " weights for " + x.length + " inputs: give one weight per input");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples = " + samples + ": a Monte-Carlo mean and its error need ≥ 2 samples");
        }
    }
}
