package dropout.variants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Rng;
import dropout.arrays.Buffers;
import dropout.nn.Mode;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class StandoutTest {

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /**
     * dz = dy·m·[z &gt; 0] with the sampled m held fixed. Holding the random <em>draws</em> fixed is not quite holding
     * m fixed: moving z_i by ±ε moves q_i, and a draw within that distance of its threshold would flip m_i. The
     * check asserts that no mask changed at ±ε (so it cannot pass by luck): the seed is one for which no draw
     * lies in that band, as most seeds are (the band is about 0.25 % wide per unit here).
     */
    @Test
    void gradientWithTheSampledMaskHeldFixed() {
        Standout layer = new Standout(6, 1.0, 0.0, Rng.seeded(9));
        INDArray z = Checks.random(4, 6, 7, 0.1);
        INDArray r = Checks.random(4, 6, 8, 0);
        layer.forward(z, Mode.TRAIN);
        float[] gate = layer.lastGate().dup().data().asFloat();
        INDArray dz = layer.backward(r, true).dup();
        Checks.gradient("standout dz", z, dz, () -> {
            layer.swapRng(Rng.seeded(9));
            double f = Checks.dot(layer.forward(z, Mode.TRAIN), r);
            assertArrayEquals(gate, layer.lastGate().data().asFloat(), "a mask flipped under ±ε: pick another seed");
            return f;
        });
        int kept = 0;
        for (float g : gate) {
            kept += (int) g;
        }
        assertTrue(kept > 0 && kept < gate.length, kept + " of " + gate.length + " units pass the gradient");
    }

    @Test
    void forwardAndBackwardUseOneMaskAndTheKeepProbabilitiesAreTheSigmoid() {
        Standout layer = new Standout(40, 2.0, -0.5, Rng.seeded(3));
        INDArray z = Checks.random(5, 40, 1, 0);
        float[] y = layer.forward(z, Mode.TRAIN).dup().data().asFloat();
        float[] q = layer.lastKeepProbabilities().dup().data().asFloat();
        float[] gate = layer.lastGate().dup().data().asFloat();
        INDArray dy = Checks.random(5, 40, 2, 0);
        float[] dz = layer.backward(dy, true).data().asFloat();
        float[] zs = z.data().asFloat();
        float[] g = dy.data().asFloat();
        for (int i = 0; i < zs.length; i++) {
            assertEquals(sigmoid(2.0 * zs[i] - 0.5), q[i], 1e-6);
            boolean positive = zs[i] > 0;
            if (positive) {
                assertTrue(y[i] == 0f || y[i] == zs[i], "kept unit passes z, dropped one 0");
                assertEquals(y[i] == 0f ? 0f : 1f, gate[i]);
            } else {
                assertEquals(0f, y[i]);
                assertEquals(0f, gate[i]);
            }
            assertEquals(g[i] * gate[i], dz[i], 0f);
        }
    }

    @Test
    void predictionIsReluTimesTheKeepProbabilityAndDrawsNothing() {
        Rng rng = Rng.seeded(4);
        Standout layer = new Standout(10, 1.5, 0.2, rng);
        INDArray z = Checks.random(3, 10, 1, 0);
        float[] y = layer.forward(z, Mode.PREDICT).data().asFloat();
        float[] q = layer.lastKeepProbabilities().data().asFloat();
        float[] zs = z.data().asFloat();
        for (int i = 0; i < zs.length; i++) {
            double expectedQ = sigmoid(1.5 * zs[i] + 0.2);
            assertEquals(expectedQ, q[i], 1e-6);
            assertEquals(Math.max(zs[i], 0) * expectedQ, y[i], 1e-6);
        }
        assertNull(layer.lastGate());
        assertEquals(Rng.seeded(4).bits(), rng.bits(), "prediction must not advance the mask stream");
    }

    /**
     * The deterministic prediction path relu(z)·sigmoid(αz + β) has derivative [z &gt; 0]·(q + α·z·q·(1 − q)), as the
     * class comment states: checked against finite differences of the layer's own prediction output.
     */
    @Test
    void predictionPathDerivativeIsTheDocumentedFormula() {
        double alpha = 1.3;
        double beta = -0.4;
        Standout layer = new Standout(5, alpha, beta, Rng.seeded(1));
        INDArray z = Checks.random(3, 5, 2, 0.1);
        INDArray r = Checks.random(3, 5, 3, 0);
        INDArray formula = Buffers.matrix(3, 5);
        FloatBuffer f = Buffers.of(formula);
        FloatBuffer zs = Buffers.of(z);
        FloatBuffer rs = Buffers.of(r);
        for (int i = 0; i < 15; i++) {
            double zi = zs.get(i);
            double q = sigmoid(alpha * zi + beta);
            f.put(i, (float) (rs.get(i) * (zi > 0 ? q + alpha * zi * q * (1 - q) : 0)));
        }
        Checks.gradient("standout prediction d/dz", z, formula, () -> Checks.dot(layer.forward(z, Mode.PREDICT), r));
    }

    /**
     * Per unit, over N examples with the same z: the kept fraction estimates q = sigmoid(αz + β) (binomial
     * tolerance Z·√(q(1 − q)/N)) and the training mean estimates the prediction relu(z)·q (tolerance
     * Z·relu(z)·√(q(1 − q)/N)): E[training output] = prediction output, as vanilla dropout.
     */
    @ParameterizedTest
    @CsvSource({"1.0, 0.0", "2.0, -1.0", "0.5, 1.0"})
    void keptFractionAndTrainingMeanMatchTheKeepProbability(double alpha, double beta) {
        int units = 8;
        int n = 100_000;
        Standout layer = new Standout(units, alpha, beta, Rng.seeded(17));
        float[] zRow = {-1.5f, -0.2f, 0.1f, 0.4f, 0.9f, 1.3f, 2.0f, 3.5f};
        INDArray z = Buffers.matrix(n, units);
        FloatBuffer zs = Buffers.of(z);
        for (int r = 0; r < n; r++) {
            zs.put(r * units, zRow);
        }
        FloatBuffer y = Buffers.of(layer.forward(z, Mode.TRAIN));
        FloatBuffer gate = Buffers.of(layer.lastGate());
        INDArray one = Buffers.matrix(1, units);
        Buffers.of(one).put(0, zRow);
        float[] predicted = layer.forward(one, Mode.PREDICT).data().asFloat();
        for (int j = 0; j < units; j++) {
            double q = sigmoid(alpha * zRow[j] + beta);
            double relu = Math.max(zRow[j], 0);
            double sum = 0;
            long kept = 0;
            for (int r = 0; r < n; r++) {
                sum += y.get(r * units + j);
                kept += y.get(r * units + j) != 0f || gate.get(r * units + j) != 0f ? 1 : 0;
            }
            if (relu > 0) {
                assertEquals(q, (double) kept / n, Checks.frequencyTolerance(q, n), "kept fraction of unit " + j);
            }
            assertEquals(relu * q, predicted[j], 1e-6, "prediction of unit " + j);
            assertEquals(predicted[j], sum / n, relu * Checks.frequencyTolerance(q, n) + 1e-6, "training mean of unit " + j);
        }
    }

    /** α = 0: the keep probability is sigmoid(β) for every unit, whatever z: plain vanilla dropout. */
    @Test
    void alphaZeroIsPlainDropoutWithKeepProbabilitySigmoidBeta() {
        double q = 0.8;
        int rows = 1000;
        int cols = 100;
        long n = (long) rows * cols;
        Standout layer = new Standout(cols, 0.0, Math.log(q / (1 - q)), Rng.seeded(5));
        INDArray z = Checks.random(rows, cols, 6, 0);
        layer.forward(z, Mode.TRAIN);
        FloatBuffer qs = Buffers.of(layer.lastKeepProbabilities());
        FloatBuffer y = Buffers.of(layer.forward(Checks.filled(rows, cols, 1), Mode.TRAIN));
        long kept = 0;
        for (int i = 0; i < n; i++) {
            kept += (long) y.get(i);
        }
        assertEquals(q, qs.get(123), 1e-6);
        assertEquals(q, (double) kept / n, Checks.frequencyTolerance(q, n));
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Standout(4, Double.NaN, 0, Rng.seeded(1)));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Standout(4, 1, Double.POSITIVE_INFINITY, Rng.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> Standout.factory(Double.NEGATIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new Standout(0, 1, 0, Rng.seeded(1)));
        assertThrows(NullPointerException.class, () -> new Standout(3, 1, 0, null));
        Standout layer = new Standout(3, 1, 0, Rng.seeded(1));
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> layer.forward(Checks.random(2, 4, 1, 0), Mode.TRAIN));
        assertTrue(w.getMessage().contains("[batch, 3]"), w.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> layer.backward(Checks.random(2, 3, 1, 0), true));
        assertTrue(s.getMessage().contains("forward"), s.getMessage());
    }

    @Test
    void keepProbabilityOfOneValueIsTheSigmoid() {
        Standout layer = new Standout(3, 2, 1, Rng.seeded(1));
        assertEquals(sigmoid(2 * 0.3 + 1), layer.keepProbability(0.3), 1e-15);
        assertEquals(2.0, layer.alpha());
        assertEquals(1.0, layer.beta());
    }
}
