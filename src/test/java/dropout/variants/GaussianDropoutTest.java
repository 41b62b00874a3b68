package dropout.variants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.Rng;
import dropout.nn.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class GaussianDropoutTest {
    private static final int ROWS = 1000;
    private static final int COLS = 1000;
    private static final long N = (long) ROWS * COLS;

    @Test
    void gradientWithTheNoiseHeldFixed() {
        GaussianDropout layer = new GaussianDropout(6, DropoutRate.drop(0.3), Rng.seeded(9));
        INDArray x = Checks.random(4, 6, 7, 0);
        INDArray r = Checks.random(4, 6, 8, 0);
        layer.forward(x, Mode.TRAIN);
        INDArray dx = layer.backward(r, true).dup();
        Checks.gradient("gaussian dropout dx", x, dx, () -> {
            layer.swapRng(Rng.seeded(9));
            return Checks.dot(layer.forward(x, Mode.TRAIN), r);
        });
    }

    @Test
    void backwardReusesTheForwardNoise() {
        GaussianDropout layer = new GaussianDropout(50, DropoutRate.drop(0.5), Rng.seeded(2));
        INDArray x = Checks.random(8, 50, 1, 0);
        float[] y = layer.forward(x, Mode.TRAIN).dup().data().asFloat();
        float[] eps = layer.lastNoise().dup().data().asFloat();
        INDArray dy = Checks.random(8, 50, 3, 0);
        float[] dx = layer.backward(dy, true).data().asFloat();
        float[] xs = x.data().asFloat();
        float[] g = dy.data().asFloat();
        for (int i = 0; i < dx.length; i++) {
            assertEquals(xs[i] * eps[i], y[i], 0f);
            assertEquals(g[i] * eps[i], dx[i], 0f);
        }
    }

    /**
     * For a constant input h, y = h·ε with ε ~ N(1, σ²): E[y] = h and Var[y] = h²σ² = h²·p/q, the inverted
     * Bernoulli mask's variance. Mean tolerance Z·|h|σ/√N; y is normal, so μ₄ = 3(h²σ²)² in the variance's.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.8})
    void trainingOutputHasTheInvertedMasksMeanAndVariance(double p) {
        double h = -1.3;
        double q = 1 - p;
        GaussianDropout layer = new GaussianDropout(COLS, DropoutRate.drop(p), Rng.seeded(21));
        double[] m = Checks.moments(layer.forward(Checks.filled(ROWS, COLS, h), Mode.TRAIN));
        double sigma2 = h * h * p / q;
        assertEquals(Math.sqrt(p / q), layer.sigma(), 1e-15);
        assertEquals(h, m[0], Checks.meanTolerance(sigma2, N), "mean");
        assertEquals(sigma2, m[1], Checks.varianceTolerance(sigma2, 3 * sigma2 * sigma2, N), "variance");
    }

    /** The noise is Gaussian, not just right in two moments: P(|ε − 1| < σ) = 0.6827 and P(|ε − 1| < 2σ) = 0.9545. */
    @Test
    void noiseIsNormallyDistributed() {
        GaussianDropout layer = new GaussianDropout(COLS, DropoutRate.drop(0.5), Rng.seeded(5));
        layer.forward(Checks.filled(ROWS, COLS, 1), Mode.TRAIN);
        float[] eps = layer.lastNoise().data().asFloat();
        double sigma = layer.sigma();
        long within1 = 0;
        long within2 = 0;
        for (float e : eps) {
            double d = Math.abs(e - 1) / sigma;
            within1 += d < 1 ? 1 : 0;
            within2 += d < 2 ? 1 : 0;
        }
        double p1 = 0.6826894921370859;
        double p2 = 0.9544997361036416;
        assertEquals(p1, (double) within1 / N, Checks.frequencyTolerance(p1, N));
        assertEquals(p2, (double) within2 / N, Checks.frequencyTolerance(p2, N));
    }

    @Test
    void predictionIsTheIdentityAndDrawsNothing() {
        Rng rng = Rng.seeded(3);
        GaussianDropout layer = new GaussianDropout(5, DropoutRate.drop(0.5), rng);
        INDArray x = Checks.random(3, 5, 1, 0);
        assertSame(x, layer.forward(x, Mode.PREDICT));
        assertNull(layer.lastNoise());
        assertEquals(Rng.seeded(3).bits(), rng.bits(), "prediction must not advance the noise stream");
    }

    @Test
    void dropZeroIsTheIdentityInTrainingToo() {
        GaussianDropout layer = new GaussianDropout(5, DropoutRate.NONE, Rng.seeded(3));
        INDArray x = Checks.random(3, 5, 1, 0);
        assertEquals(0.0, layer.sigma());
        assertSame(x, layer.forward(x, Mode.TRAIN));
        INDArray dy = Checks.random(3, 5, 2, 0);
        assertSame(dy, layer.backward(dy, true));
        assertNull(layer.lastNoise());
    }

    @Test
    void dropOneIsRejectedEverywhereWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianDropout(5, DropoutRate.drop(1), Rng.seeded(1)));
        assertTrue(e.getMessage().contains("infinite at p = 1") && e.getMessage().contains("Use p < 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussianDropout.factory(DropoutRate.keep(0)));
        GaussianDropout layer = new GaussianDropout(5, DropoutRate.drop(0.2), Rng.seeded(1));
        assertThrows(IllegalArgumentException.class, () -> layer.setRate(DropoutRate.drop(1)));
        assertEquals(DropoutRate.drop(0.2), layer.rate(), "a rejected rate leaves the old one");
        assertEquals(0.5, layer.sigma(), 1e-15);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(0, DropoutRate.drop(0.5), Rng.seeded(1)));
        assertThrows(NullPointerException.class, () -> new GaussianDropout(3, null, Rng.seeded(1)));
        assertThrows(NullPointerException.class, () -> new GaussianDropout(3, DropoutRate.drop(0.5), null));
        GaussianDropout layer = new GaussianDropout(3, DropoutRate.drop(0.5), Rng.seeded(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.forward(Checks.random(2, 4, 1, 0), Mode.TRAIN));
        assertTrue(e.getMessage().contains("[batch, 3]"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new GaussianDropout(3, DropoutRate.drop(0.5), Rng.seeded(1)).backward(Checks.random(2, 3, 1, 0), true));
        assertTrue(s.getMessage().contains("forward"), s.getMessage());
    }

    @Test
    void rateIsAdjustableAndSetsSigma() {
        GaussianDropout layer = new GaussianDropout(3, DropoutRate.drop(0.5), Rng.seeded(1));
        layer.setRate(DropoutRate.keep(0.8));
        assertEquals(0.5, layer.sigma(), 1e-12);
        assertEquals(0.2, layer.rate().dropProbability(), 1e-12);
    }

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        INDArray x = Checks.filled(4, 10, 1);
        float[] a = new GaussianDropout(10, DropoutRate.drop(0.5), Rng.seeded(4)).forward(x, Mode.TRAIN).data().asFloat();
        float[] b = new GaussianDropout(10, DropoutRate.drop(0.5), Rng.seeded(4)).forward(x, Mode.TRAIN).data().asFloat();
        float[] c = new GaussianDropout(10, DropoutRate.drop(0.5), Rng.seeded(5)).forward(x, Mode.TRAIN).data().asFloat();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }
}
