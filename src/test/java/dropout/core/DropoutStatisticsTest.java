package dropout.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Monte-Carlo checks with fixed seeds against the closed-form moments of each style: E[h·m·s] = h·q·s,
 * Var = h²·s²·p·q. Tolerances are 4 standard errors of the
 * estimator, computed from the sample size (a correct implementation fails about 1 time in 16,000).
 */
class DropoutStatisticsTest {
    private static final int N = 1_000_000;
    private static final double Z = 4.0;

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.8, 0.95})
    void maskKeepsUnitsWithProbabilityQ(double q) {
        INDArray m = Mask.sample(DropoutRate.keep(q), Rng.seeded(11), N);
        double kept = m.sumNumber().doubleValue() / N;
        assertEquals(q, kept, Z * Math.sqrt(q * (1 - q) / N));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 0.9})
    void invertedDropoutPreservesTheMeanWithVarianceHSquaredPOverQ(double p) {
        double h = 1.7;
        double q = 1 - p;
        double[] moments = moments(InvertedDropout.drop(p), h, 5);
        double sigma2 = h * h * p / q;
        assertEquals(h, moments[0], Z * Math.sqrt(sigma2 / N), "mean");
        // X − h is h·p/q with probability q and −h with probability p
        double mu4 = q * Math.pow(h * p / q, 4) + p * Math.pow(h, 4);
        assertEquals(sigma2, moments[1], varianceTolerance(sigma2, mu4), "variance");
    }

    /**
     * Standard error of the sample variance, √((μ₄ − σ⁴)/N), plus its second-order term Z²σ²/N (which is
     * all that is left for a symmetric two-point distribution, where μ₄ = σ⁴).
     */
    private static double varianceTolerance(double sigma2, double mu4) {
        return Z * Math.sqrt((mu4 - sigma2 * sigma2) / N) + Z * Z * sigma2 / N;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void vanillaTrainingMeanEqualsItsPredictionOutput(double p) {
        double h = -2.5;
        double q = 1 - p;
        Dropout d = VanillaDropout.drop(p);
        double[] moments = moments(d, h, 9);
        double prediction = d.predict(Nd4j.scalar(DataType.FLOAT, (float) h).reshape(1, 1)).getDouble(0);
        assertEquals(h * q, prediction, 1e-6);
        assertEquals(prediction, moments[0], Z * Math.sqrt(h * h * p * q / N));
        double sigma2 = h * h * p * q;
        // X − hq is h·p with probability q and −h·q with probability p
        double mu4 = q * Math.pow(h * p, 4) + p * Math.pow(h * q, 4);
        assertEquals(sigma2, moments[1], varianceTolerance(sigma2, mu4), "variance");
    }

    @Test
    void sameSeedSameMaskOtherSeedOtherMask() {
        float[] a = Mask.sample(DropoutRate.drop(0.5), Rng.seeded(3), 1000).data().asFloat();
        float[] b = Mask.sample(DropoutRate.drop(0.5), Rng.seeded(3), 1000).data().asFloat();
        float[] c = Mask.sample(DropoutRate.drop(0.5), Rng.seeded(4), 1000).data().asFloat();
        assertTrue(java.util.Arrays.equals(a, b));
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void oddLengthMasksFillTheLastElement() {
        INDArray m = Mask.sample(DropoutRate.drop(0), Rng.seeded(3), 7);
        assertEquals(7.0, m.sumNumber().doubleValue());
    }

    /** Sample mean and (population) variance of N training-mode outputs for a constant activation h. */
    private static double[] moments(Dropout d, double h, long seed) {
        INDArray x = Nd4j.valueArrayOf(new long[] {N}, (float) h, DataType.FLOAT);
        INDArray out = d.train(x, Rng.seeded(seed));
        FloatBuffer b = Buffers.of(out);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < N; i++) {
            sum += b.get(i);
        }
        double mean = sum / N;
        for (int i = 0; i < N; i++) {
            double dv = b.get(i) - mean;
            sq += dv * dv;
        }
        return new double[] {mean, sq / N};
    }
}
