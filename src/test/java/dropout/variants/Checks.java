package dropout.variants;

import dropout.measure.DepthMoments;
import dropout.nn.FiniteDifference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.testing.Blobs;
import java.nio.FloatBuffer;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test helpers for the variants and batch norm, in the style of {@code dropout.nn.GradientCheck} and
 * {@code LayerGradientTest} (package-private there, so the same rules are restated here).
 * <p>
 * Finite differences: central (f(θ + ε) − f(θ − ε)) / 2ε on float32 arrays against the analytic gradient. With
 * ε = 1e-2 the truncation error is O(ε²·f''') and float32 rounding ≈ 1e-7·|f| / ε, so a relative error below
 * 2e-3 (with an absolute floor of 2e-4 for gradients near 0) separates correct from wrong: a wrong sign, a missing
 * factor or a transposed product gives errors of order 1.
 * <p>
 * Statistics: tolerances are {@link #Z} = 4 standard errors of the estimator, computed from the sample size
 * (a correct implementation fails about 1 time in 16,000; with fixed seeds, never, once passed).
 */
public final class Checks {
    public static final double EPS = 1e-2;
    public static final double Z = 4.0;

    private Checks() {
    }

    /** Checks {@code analytic} (same shape as {@code theta}) against f's numeric gradient, every element. */
    public static void gradient(String what, INDArray theta, INDArray analytic, DoubleSupplier f) {
        gradient(what, theta, analytic, f, EPS);
    }

    /**
     * The same with another step: a smaller one where f is strongly curved (the truncation error grows with
     * ε²·f'''), at the price of more float rounding (≈ 1e-7·|f| / ε; still below the tolerance for ε ≥ 1e-3 and |f| ≲ 1).
     */
    public static void gradient(String what, INDArray theta, INDArray analytic, DoubleSupplier f, double eps) {
        FiniteDifference check = FiniteDifference.check(theta, analytic, f, eps);
        assertTrue(check.passes(), what + ": " + check);
    }

    /** A [rows, cols] array of N(0, 1) values pushed {@code awayFromZero} further from 0 (to avoid kinks). */
    public static INDArray random(int rows, int cols, long seed, double awayFromZero) {
        INDArray a = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(a);
        Rng rng = Rng.seeded(seed);
        for (int i = 0; i < rows * cols; i++) {
            double v = rng.gaussian();
            b.put(i, (float) (Math.signum(v) * (Math.abs(v) + awayFromZero)));
        }
        return a;
    }

    /** A [rows, cols] array with every element {@code value}. */
    public static INDArray filled(int rows, int cols, double value) {
        INDArray a = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(a);
        for (int i = 0; i < rows * cols; i++) {
            b.put(i, (float) value);
        }
        return a;
    }

    /** Σ a ⊙ r in double: the scalar whose gradient with respect to a is r. */
    public static double dot(INDArray a, INDArray r) {
        FloatBuffer x = Buffers.of(a);
        FloatBuffer y = Buffers.of(r);
        double s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += (double) x.get(i) * y.get(i);
        }
        return s;
    }

    /** Sample mean and (biased) variance of every element, in double. */
    public static double[] moments(INDArray a) {
        return DepthMoments.of(a);
    }

    /** Z standard errors of a sample mean of n values with variance sigma2. */
    public static double meanTolerance(double sigma2, long n) {
        return Z * Math.sqrt(sigma2 / n);
    }

    /**
     * Z standard errors of a sample variance of n values with variance σ² and fourth central moment μ₄:
     * √((μ₄ − σ⁴)/n), plus the second-order term Z²σ²/n (the bias σ²/n of the biased estimator, and what is
     * left when μ₄ = σ⁴).
     */
    public static double varianceTolerance(double sigma2, double mu4, long n) {
        return Z * Math.sqrt((mu4 - sigma2 * sigma2) / n) + Z * Z * sigma2 / n;
    }

    /** Z standard errors of a frequency estimating probability q from n trials. */
    public static double frequencyTolerance(double q, long n) {
        return Z * Math.sqrt(q * (1 - q) / n);
    }

    /**
     * Gaussian blobs around fixed random class centres (a small learnable problem, as the trainer tests use):
     * centres from seed 12345, so sets with different sample seeds share them.
     */
    public static Dataset blobs(int n, int dim, int classes, double spread, long sampleSeed) {
        return Blobs.make(n, dim, classes, spread, sampleSeed);
    }
}
