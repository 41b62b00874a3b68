package dropout.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.Rng;
import dropout.arrays.Buffers;
import dropout.nn.Mode;
import java.nio.FloatBuffer;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SELU and alpha dropout (Klambauer et al. 2017): exact values, gradients, and the mean-0/variance-1 fixed point. */
class SeluAlphaDropoutTest {
    private static final int ROWS = 1000;
    private static final int COLS = 1000;
    private static final long N = (long) ROWS * COLS;

    /** E[g(X)] for X ~ N(0, 1) by Simpson's rule on [−12, 12] (40,000 panels): exact to ~1e-12 for these g. */
    private static double gaussianExpectation(DoubleUnaryOperator g) {
        int panels = 40_000;
        double h = 24.0 / panels;
        double s = 0;
        for (int i = 0; i <= panels; i++) {
            double x = -12 + i * h;
            double w = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2);
            s += w * g.applyAsDouble(x) * Math.exp(-0.5 * x * x);
        }
        return s * h / 3 / Math.sqrt(2 * Math.PI);
    }

    @Test
    void seluValuesAndConstants() {
        Selu selu = new Selu(4);
        INDArray x = Buffers.matrix(1, 4);
        Buffers.of(x).put(0, new float[] {2f, 0f, -1f, -30f});
        float[] y = selu.forward(x, Mode.TRAIN).data().asFloat();
        assertEquals(2 * Selu.LAMBDA, y[0], 1e-6);
        assertEquals(0.0, y[1], 0.0);
        assertEquals(Selu.LAMBDA * Selu.ALPHA * (Math.exp(-1) - 1), y[2], 1e-6);
        assertEquals(AlphaDropout.ALPHA_PRIME, y[3], 1e-6, "SELU saturates at −λα, alpha dropout's α'");
        assertEquals(-1.7580993408473766, AlphaDropout.ALPHA_PRIME, 1e-15);
        for (double v = -5; v <= 5; v += 0.37) {
            Buffers.of(x).put(0, (float) v);
            assertEquals(Selu.selu((float) v), selu.forward(x, Mode.PREDICT).getFloat(0), 1e-6);
        }
    }

    @Test
    void seluGradientAwayFromTheKink() {
        Selu selu = new Selu(6);
        INDArray x = Checks.random(4, 6, 5, 0.1);
        INDArray r = Checks.random(4, 6, 6, 0);
        selu.forward(x, Mode.TRAIN);
        INDArray dx = selu.backward(r, true).dup();
        Checks.gradient("selu dx", x, dx, () -> Checks.dot(selu.forward(x, Mode.TRAIN), r));
    }

    /**
     * The constants are the fixed point: for X ~ N(0, 1), E[selu(X)] = 0 and Var[selu(X)] = 1 (by quadrature, to
     * 1e-6: λ and α are given to 16 digits), and the layer reproduces it on 10⁶ samples within the sampling
     * tolerance, μ₄ of selu(X) also by quadrature.
     */
    @Test
    void seluMapsStandardNormalToMeanZeroVarianceOne() {
        double mean = gaussianExpectation(Selu::selu);
        double second = gaussianExpectation(x -> Selu.selu(x) * Selu.selu(x));
        double mu4 = gaussianExpectation(x -> Math.pow(Selu.selu(x), 4));
        assertEquals(0.0, mean, 1e-6);
        assertEquals(1.0, second - mean * mean, 1e-6);
        double[] m = Checks.moments(new Selu(COLS).forward(Checks.random(ROWS, COLS, 31, 0), Mode.TRAIN));
        assertEquals(0.0, m[0], Checks.meanTolerance(1, N), "mean");
        assertEquals(1.0, m[1], Checks.varianceTolerance(1, mu4, N), "variance");
    }

    /** a = (q + α'²qp)^(−1/2), b = −aα'p give, by the two-point mixture's exact moments, mean 0 and variance 1. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.05, 0.1, 0.5, 0.9})
    void affineConstantsRestoreMeanZeroAndVarianceOneExactly(double p) {
        DropoutRate rate = DropoutRate.drop(p);
        double q = 1 - p;
        double a = AlphaDropout.scale(rate);
        double b = AlphaDropout.shift(rate);
        double ap = AlphaDropout.ALPHA_PRIME;
        // y = a·x + b with probability q (x ~ N(0, 1)), the constant a·α' + b with probability p
        double mean = q * b + p * (a * ap + b);
        double second = q * (a * a + b * b) + p * Math.pow(a * ap + b, 2);
        assertEquals(0.0, mean, 1e-12);
        assertEquals(1.0, second - mean * mean, 1e-12);
        if (p == 0.0) {
            assertEquals(1.0, a);
            assertEquals(0.0, Math.abs(b));
        }
    }

    /**
     * For x ~ N(0, 1) the training output y has mean 0 and variance 1. Y = a·X + b with probability q and
     * a·α' + b with probability p, so (with mean 0) μ₄ = q·(3a⁴ + 6a²b² + b⁴) + p·(aα' + b)⁴.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.5})
    void standardNormalInputKeepsMeanZeroAndVarianceOne(double p) {
        DropoutRate rate = DropoutRate.drop(p);
        double q = 1 - p;
        double a = AlphaDropout.scale(rate);
        double b = AlphaDropout.shift(rate);
        double d = a * AlphaDropout.ALPHA_PRIME + b;
        double mu4 = q * (3 * Math.pow(a, 4) + 6 * a * a * b * b + Math.pow(b, 4)) + p * Math.pow(d, 4);
        AlphaDropout layer = new AlphaDropout(COLS, rate, Rng.seeded(41));
        double[] m = Checks.moments(layer.forward(Checks.random(ROWS, COLS, 42, 0), Mode.TRAIN));
        assertEquals(0.0, m[0], Checks.meanTolerance(1, N), "mean");
        assertEquals(1.0, m[1], Checks.varianceTolerance(1, mu4, N), "variance");
    }

    /**
     * Only the input's first two moments matter: Rademacher ±1 input (mean 0, variance 1, far from normal) also
     * comes out with mean 0 and variance 1. Here Y ∈ {a + b, −a + b} with probability q/2 each and a·α' + b with
     * probability p, so μ₄ = (q/2)·((a + b)⁴ + (b − a)⁴) + p·(aα' + b)⁴.
     */
    @Test
    void onlyTheInputsMeanAndVarianceMatter() {
        DropoutRate rate = DropoutRate.drop(0.2);
        double p = 0.2;
        double q = 0.8;
        double a = AlphaDropout.scale(rate);
        double b = AlphaDropout.shift(rate);
        double mu4 = q / 2 * (Math.pow(a + b, 4) + Math.pow(b - a, 4)) + p * Math.pow(a * AlphaDropout.ALPHA_PRIME + b, 4);
        INDArray x = Checks.random(ROWS, COLS, 43, 0);
        FloatBuffer xs = Buffers.of(x);
        for (int i = 0; i < N; i++) {
            xs.put(i, Math.signum(xs.get(i)));
        }
        double[] m = Checks.moments(new AlphaDropout(COLS, rate, Rng.seeded(44)).forward(x, Mode.TRAIN));
        assertEquals(0.0, m[0], Checks.meanTolerance(1, N), "mean");
        assertEquals(1.0, m[1], Checks.varianceTolerance(1, mu4, N), "variance");
    }

    /**
     * What alpha dropout does not preserve: a single unit's expectation. For a fixed x, E[y] = q·(a·x + b) +
     * p·(a·α' + b) = a·q·x (the constants cancel), so prediction's y = x is not the training mean. Var[y] = a²·p·q·(x − α')².
     */
    @Test
    void aFixedInputsTrainingMeanIsAQX() {
        double x = 1.5;
        DropoutRate rate = DropoutRate.drop(0.1);
        double a = AlphaDropout.scale(rate);
        double var = a * a * 0.1 * 0.9 * Math.pow(x - AlphaDropout.ALPHA_PRIME, 2);
        double[] m = Checks.moments(new AlphaDropout(COLS, rate, Rng.seeded(45)).forward(Checks.filled(ROWS, COLS, x), Mode.TRAIN));
        assertEquals(a * 0.9 * x, m[0], Checks.meanTolerance(var, N));
        assertTrue(Math.abs(m[0] - x) > 10 * Checks.meanTolerance(var, N), "the training mean differs from the prediction x");
    }

    @Test
    void alphaDropoutGradientWithTheMaskHeldFixed() {
        AlphaDropout layer = new AlphaDropout(6, DropoutRate.drop(0.3), Rng.seeded(9));
        INDArray x = Checks.random(4, 6, 7, 0);
        INDArray r = Checks.random(4, 6, 8, 0);
        layer.forward(x, Mode.TRAIN);
        INDArray dx = layer.backward(r, true).dup();
        Checks.gradient("alpha dropout dx", x, dx, () -> {
            layer.swapRng(Rng.seeded(9));
            return Checks.dot(layer.forward(x, Mode.TRAIN), r);
        });
    }

    @Test
    void forwardAndBackwardUseOneMask() {
        DropoutRate rate = DropoutRate.drop(0.5);
        AlphaDropout layer = new AlphaDropout(50, rate, Rng.seeded(2));
        INDArray x = Checks.random(8, 50, 1, 0);
        float[] y = layer.forward(x, Mode.TRAIN).dup().data().asFloat();
        float[] m = layer.lastMask().dup().data().asFloat();
        INDArray dy = Checks.random(8, 50, 3, 0);
        float[] dx = layer.backward(dy, true).data().asFloat();
        float[] xs = x.data().asFloat();
        float[] g = dy.data().asFloat();
        double a = layer.a();
        double b = layer.b();
        int dropped = 0;
        for (int i = 0; i < y.length; i++) {
            double expected = m[i] == 1f ? a * xs[i] + b : a * AlphaDropout.ALPHA_PRIME + b;
            assertEquals(expected, y[i], 1e-6);
            assertEquals(g[i] * m[i] * a, dx[i], 1e-6);
            dropped += m[i] == 0f ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < y.length);
    }

    @Test
    void predictionAndDropZeroAreTheIdentity() {
        INDArray x = Checks.random(3, 5, 1, 0);
        Rng rng = Rng.seeded(3);
        AlphaDropout layer = new AlphaDropout(5, DropoutRate.drop(0.1), rng);
        assertSame(x, layer.forward(x, Mode.PREDICT));
        assertEquals(Rng.seeded(3).bits(), rng.bits(), "prediction must not advance the mask stream");
        AlphaDropout none = new AlphaDropout(5, DropoutRate.NONE, Rng.seeded(3));
        assertSame(x, none.forward(x, Mode.TRAIN));
        INDArray dy = Checks.random(3, 5, 2, 0);
        assertSame(dy, none.backward(dy, true));
        assertNull(none.lastMask());
    }

    @Test
    void dropOneAndBadArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlphaDropout(5, DropoutRate.drop(1), Rng.seeded(1)));
        assertTrue(e.getMessage().contains("p = 1") && e.getMessage().contains("Use p < 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlphaDropout.factory(DropoutRate.keep(0)));
        AlphaDropout layer = new AlphaDropout(5, DropoutRate.drop(0.1), Rng.seeded(1));
        double a = layer.a();
        assertThrows(IllegalArgumentException.class, () -> layer.setRate(DropoutRate.drop(1)));
        assertEquals(a, layer.a(), "a rejected rate leaves the old constants");
        assertEquals(DropoutRate.drop(0.1), layer.rate());
        assertThrows(IllegalArgumentException.class, () -> new AlphaDropout(0, DropoutRate.drop(0.1), Rng.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> new Selu(0));
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> layer.forward(Checks.random(2, 4, 1, 0), Mode.TRAIN));
        assertTrue(w.getMessage().contains("[batch, 5]"), w.getMessage());
        assertThrows(IllegalStateException.class, () -> new AlphaDropout(5, DropoutRate.drop(0.1), Rng.seeded(1)).backward(Checks.random(2, 5, 1, 0), true));
        assertThrows(IllegalStateException.class, () -> new Selu(5).backward(Checks.random(2, 5, 1, 0), true));
    }
}
