package dropout.variants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.VanillaDropout;
import dropout.arrays.Buffers;
import dropout.nn.Dense;
import dropout.nn.Init;
import dropout.nn.Mode;
import java.nio.FloatBuffer;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class DropConnectDenseTest {

    private static Dropout style(String name, double p) {
        return name.equals("vanilla") ? VanillaDropout.drop(p) : InvertedDropout.drop(p);
    }

    /** A layer whose bias is not 0 (a fresh layer's is), so the bias mask matters. */
    private static DropConnectDense layer(int in, int out, Dropout style, long seed) {
        DropConnectDense l = new DropConnectDense(in, out, style, Init.normal(0.5), Rng.seeded(seed));
        FloatBuffer b = Buffers.of(l.bias());
        Rng rng = Rng.seeded(seed + 1000);
        for (int j = 0; j < out; j++) {
            b.put(j, (float) rng.gaussian());
        }
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "inverted"})
    void gradientsOfWeightsBiasAndInputWithTheMasksHeldFixed(String name) {
        DropConnectDense dc = layer(4, 3, style(name, 0.4), 1);
        INDArray x = Checks.random(5, 4, 2, 0);
        INDArray r = Checks.random(5, 3, 3, 0);
        dc.swapRng(Rng.seeded(77));
        dc.forward(x, Mode.TRAIN);
        INDArray dx = dc.backward(r, true).dup();
        INDArray dw = dc.params().get(0).gradient().dup();
        INDArray db = dc.params().get(1).gradient().dup();
        assertNotEquals(0.0, dc.lastWeightMask().sumNumber().doubleValue());
        assertNotEquals(12.0, dc.lastWeightMask().sumNumber().doubleValue(), "some weights must be dropped for the test to mean something");
        DoubleSupplier f = () -> {
            dc.swapRng(Rng.seeded(77));
            return Checks.dot(dc.forward(x, Mode.TRAIN), r);
        };
        Checks.gradient(name + " dW", dc.weights(), dw, f);
        Checks.gradient(name + " db", dc.bias(), db, f);
        Checks.gradient(name + " dx", x, dx, f);
    }

    /** Forward = X·(s·M∗W) + s·m∗b and backward = the same masks, recomputed here element by element in double. */
    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "inverted"})
    void forwardAndBackwardUseOneMaskOfWeightsAndBias(String name) {
        Dropout style = style(name, 0.5);
        double s = style.trainScale();
        int in = 6;
        int out = 4;
        int rows = 3;
        DropConnectDense dc = layer(in, out, style, 4);
        INDArray x = Checks.random(rows, in, 5, 0);
        float[] y = dc.forward(x, Mode.TRAIN).dup().data().asFloat();
        float[] m = dc.lastWeightMask().dup().data().asFloat();
        float[] mb = dc.lastBiasMask().dup().data().asFloat();
        float[] w = dc.weights().data().asFloat();
        float[] b = dc.bias().data().asFloat();
        float[] xs = x.data().asFloat();
        INDArray dy = Checks.random(rows, out, 6, 0);
        float[] g = dy.data().asFloat();
        float[] dx = dc.backward(dy, true).dup().data().asFloat();
        float[] dw = dc.params().get(0).gradient().data().asFloat();
        float[] db = dc.params().get(1).gradient().data().asFloat();
        int dropped = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                double expected = s * mb[j] * b[j];
                for (int i = 0; i < in; i++) {
                    expected += xs[r * in + i] * s * m[i * out + j] * w[i * out + j];
                }
                assertEquals(expected, y[r * out + j], 1e-5, "y[" + r + "," + j + "]");
            }
            for (int i = 0; i < in; i++) {
                double expected = 0;
                for (int j = 0; j < out; j++) {
                    expected += g[r * out + j] * s * m[i * out + j] * w[i * out + j];
                }
                assertEquals(expected, dx[r * in + i], 1e-5, "dx[" + r + "," + i + "]");
            }
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                double expected = 0;
                for (int r = 0; r < rows; r++) {
                    expected += xs[r * in + i] * g[r * out + j];
                }
                expected *= s * m[i * out + j];
                assertEquals(expected, dw[i * out + j], 1e-5, "dW[" + i + "," + j + "]");
                dropped += m[i * out + j] == 0f ? 1 : 0;
            }
        }
        for (int j = 0; j < out; j++) {
            double expected = 0;
            for (int r = 0; r < rows; r++) {
                expected += g[r * out + j];
            }
            assertEquals(expected * s * mb[j], db[j], 1e-5, "db[" + j + "]");
        }
        assertTrue(dropped > 0 && dropped < in * out, dropped + " of " + in * out + " weights dropped");
    }

    @Test
    void predictionIsTheMeanFieldRuleOfEachStyle() {
        INDArray x = Checks.random(3, 5, 1, 0);
        DropConnectDense inverted = layer(5, 4, InvertedDropout.drop(0.3), 2);
        DropConnectDense vanilla = layer(5, 4, VanillaDropout.drop(0.3), 2);
        Dense dense = new Dense(5, 4, Init.normal(0.5), Rng.seeded(2));
        Buffers.of(dense.bias()).put(0, inverted.bias().data().asFloat());
        float[] plain = dense.forward(x, Mode.PREDICT).dup().data().asFloat();
        assertArrayEquals(plain, inverted.forward(x, Mode.PREDICT).dup().data().asFloat(), 1e-6f);
        float[] v = vanilla.forward(x, Mode.PREDICT).data().asFloat();
        for (int i = 0; i < plain.length; i++) {
            assertEquals(0.7f * plain[i], v[i], 1e-5f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "inverted"})
    void dropZeroIsExactlyADenseLayerAndDrawsNoMask(String name) {
        INDArray x = Checks.random(3, 5, 1, 0);
        Rng rng = Rng.seeded(8);
        DropConnectDense dc = new DropConnectDense(5, 4, style(name, 0), Init.normal(0.5), rng);
        Dense dense = new Dense(5, 4, Init.normal(0.5), Rng.seeded(8));
        assertArrayEquals(dense.weights().data().asFloat(), dc.weights().data().asFloat(), "same stream, same weights");
        assertArrayEquals(dense.forward(x, Mode.TRAIN).dup().data().asFloat(), dc.forward(x, Mode.TRAIN).dup().data().asFloat());
        assertNull(dc.lastWeightMask());
        INDArray dy = Checks.random(3, 4, 2, 0);
        assertArrayEquals(dense.backward(dy, true).dup().data().asFloat(), dc.backward(dy, true).dup().data().asFloat());
        assertArrayEquals(dense.params().get(0).gradient().data().asFloat(), dc.params().get(0).gradient().data().asFloat());
        assertArrayEquals(dense.params().get(1).gradient().data().asFloat(), dc.params().get(1).gradient().data().asFloat());
    }

    @Test
    void dropOneInvertedTrainsOnZerosAndPredictsTheFullLayer() {
        DropConnectDense dc = layer(5, 4, InvertedDropout.drop(1), 3);
        INDArray x = Checks.random(3, 5, 1, 0);
        for (float v : dc.forward(x, Mode.TRAIN).data().asFloat()) {
            assertEquals(0f, Math.abs(v));
        }
        for (float v : dc.backward(Checks.random(3, 4, 2, 0), true).data().asFloat()) {
            assertEquals(0f, Math.abs(v));
        }
        assertNotEquals(0.0, dc.forward(x, Mode.PREDICT).sumNumber().doubleValue());
    }

    /**
     * Over many masks the training pre-activation u of one example has exactly the moments
     * {@link DropConnectDense#preActivationMoments} states: E[u] = s·q·(xW + b) (= the inverted style's prediction),
     * Var[u] = s²pq·(Σᵢ W²x² + b²). u − E[u] = Σ_k c_k·(M_k − q) over the 21 masked terms c_k = s·W_ik·x_i (and s·b);
     * cumulants add, so μ₄(u) = Σ_k c_k⁴·pq(1 − 6pq) + 3·Var[u]² (a centred Bernoulli's fourth cumulant is
     * pq(1 − 6pq)). Tolerances from those and the number of masks K.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "inverted"})
    void preActivationMomentsOverMasksMatchTheFormulas(String name) {
        double p = 0.4;
        double q = 1 - p;
        int in = 20;
        int out = 3;
        int k = 20_000;
        DropConnectDense dc = layer(in, out, style(name, p), 6);
        double s = dc.style().trainScale();
        INDArray x = Checks.random(1, in, 7, 0);
        INDArray[] moments = dc.preActivationMoments(x);
        double[] sum = new double[out];
        double[] sumSq = new double[out];
        long kept = 0;
        for (int t = 0; t < k; t++) {
            FloatBuffer u = Buffers.of(dc.forward(x, Mode.TRAIN));
            for (int j = 0; j < out; j++) {
                sum[j] += u.get(j);
                sumSq[j] += (double) u.get(j) * u.get(j);
            }
            FloatBuffer mask = Buffers.of(dc.lastWeightMask());
            for (int i = 0; i < in * out; i++) {
                kept += (long) mask.get(i);
            }
        }
        float[] w = dc.weights().data().asFloat();
        float[] b = dc.bias().data().asFloat();
        float[] xs = x.data().asFloat();
        for (int j = 0; j < out; j++) {
            double mean = moments[0].getDouble(0, j);
            double var = moments[1].getDouble(0, j);
            double sumC4 = Math.pow(s * b[j], 4);
            double expectedVar = s * s * p * q * b[j] * b[j];
            double expectedMean = b[j];
            for (int i = 0; i < in; i++) {
                double c = s * w[i * out + j] * xs[i];
                sumC4 += Math.pow(c, 4);
                expectedVar += p * q * c * c;
                expectedMean += w[i * out + j] * xs[i];
            }
            expectedMean *= s * q;
            assertEquals(expectedMean, mean, 1e-5 * (1 + Math.abs(mean)), "formula of the mean");
            assertEquals(expectedVar, var, 1e-5 * (1 + var), "formula of the variance");
            double mu4 = sumC4 * p * q * (1 - 6 * p * q) + 3 * var * var;
            double sampleMean = sum[j] / k;
            double sampleVar = sumSq[j] / k - sampleMean * sampleMean;
            assertEquals(mean, sampleMean, Checks.meanTolerance(var, k), "E[u] over masks, unit " + j);
            assertEquals(var, sampleVar, Checks.varianceTolerance(var, mu4, k), "Var[u] over masks, unit " + j);
        }
        if (name.equals("inverted")) {
            float[] predicted = dc.forward(x, Mode.PREDICT).data().asFloat();
            for (int j = 0; j < out; j++) {
                assertEquals(moments[0].getDouble(0, j), predicted[j], 1e-5, "inverted: prediction = E[u]");
            }
        }
        long draws = (long) k * in * out;
        assertEquals(q, (double) kept / draws, Checks.frequencyTolerance(q, draws), "weights kept with probability q");
    }

    /** E[max(u, 0)] for u ~ N(μ, σ²) against a numerical integral (Simpson, 20,000 panels over μ ± 12σ). */
    @Test
    void expectedReluIsTheGaussianIntegral() {
        double[][] cases = {{0, 1}, {1.5, 0.3}, {-2, 4}, {0.3, 1e-4}, {-0.5, 0.01}};
        for (double[] c : cases) {
            double mu = c[0];
            double sd = Math.sqrt(c[1]);
            int panels = 20_000;
            double lo = mu - 12 * sd;
            double h = 24 * sd / panels;
            double integral = 0;
            for (int i = 0; i <= panels; i++) {
                double u = lo + i * h;
                double weight = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2);
                integral += weight * Math.max(u, 0) * Math.exp(-0.5 * Math.pow((u - mu) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI));
            }
            integral *= h / 3;
            assertEquals(integral, DropConnectDense.expectedRelu(mu, c[1]), 1e-6 * (1 + Math.abs(integral)), "μ = " + mu + ", σ² = " + c[1]);
        }
        assertEquals(2.5, DropConnectDense.expectedRelu(2.5, 0));
        assertEquals(0.0, DropConnectDense.expectedRelu(-2.5, 0));
        assertEquals(0.8413447460685429, DropConnectDense.normalCdf(1), 2e-7);
        assertEquals(0.022750131948179195, DropConnectDense.normalCdf(-2), 2e-7);
        assertEquals(0.9986501019683699, DropConnectDense.normalCdf(3), 2e-7);
        assertEquals(0.5, DropConnectDense.normalCdf(0), 2e-7);
        assertThrows(IllegalArgumentException.class, () -> DropConnectDense.expectedRelu(0, -1));
    }

    @Test
    void momentMatchedReluIsExpectedReluOfTheMomentsAndReluAtDropZero() {
        INDArray x = Checks.random(4, 6, 1, 0);
        DropConnectDense dc = layer(6, 3, InvertedDropout.drop(0.5), 2);
        INDArray[] m = dc.preActivationMoments(x);
        float[] mm = dc.momentMatchedRelu(x).data().asFloat();
        for (int i = 0; i < mm.length; i++) {
            double expected = DropConnectDense.expectedRelu(m[0].getDouble(i / 3, i % 3), m[1].getDouble(i / 3, i % 3));
            assertEquals(expected, mm[i], 1e-6 * (1 + expected));
            assertTrue(mm[i] >= Math.max(0, m[0].getDouble(i / 3, i % 3)) - 1e-6, "E[relu(u)] ≥ relu(E[u]) (Jensen)");
        }
        dc.setRate(DropoutRate.NONE);
        float[] exact = dc.momentMatchedRelu(x).data().asFloat();
        float[] z = dc.forward(x, Mode.PREDICT).data().asFloat();
        for (int i = 0; i < exact.length; i++) {
            assertEquals(Math.max(z[i], 0f), exact[i], 1e-6f);
        }
    }

    @Test
    void rateIsAdjustableAndKeepsTheStyle() {
        DropConnectDense dc = layer(3, 2, VanillaDropout.drop(0.5), 1);
        dc.setRate(DropoutRate.keep(0.9));
        assertEquals(0.1, dc.rate().dropProbability(), 1e-12);
        assertTrue(dc.style() instanceof VanillaDropout);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DropConnectDense(0, 3, InvertedDropout.drop(0.5), Init.d2l(), Rng.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> new DropConnectDense(3, 0, InvertedDropout.drop(0.5), Init.d2l(), Rng.seeded(1)));
        NullPointerException n = assertThrows(NullPointerException.class, () -> new DropConnectDense(3, 2, null, Init.d2l(), Rng.seeded(1)));
        assertTrue(n.getMessage().contains("InvertedDropout"), n.getMessage());
        assertThrows(NullPointerException.class, () -> DropConnectDense.factory(null));
        DropConnectDense dc = layer(3, 2, InvertedDropout.drop(0.5), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dc.forward(Checks.random(2, 4, 1, 0), Mode.TRAIN));
        assertTrue(e.getMessage().contains("[batch, 3]"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> layer(3, 2, InvertedDropout.drop(0.5), 1).backward(Checks.random(2, 2, 1, 0), true));
        assertTrue(s.getMessage().contains("forward"), s.getMessage());
    }

    @Test
    void predictionDrawsNoMaskAndKeepsTheTrainingMaskForBackward() {
        DropConnectDense dc = layer(6, 4, InvertedDropout.drop(0.5), 1);
        INDArray x = Checks.random(3, 6, 1, 0);
        dc.forward(x, Mode.TRAIN);
        float[] mask = dc.lastWeightMask().dup().data().asFloat();
        dc.forward(Checks.random(2, 6, 9, 0), Mode.PREDICT);
        assertArrayEquals(mask, dc.lastWeightMask().data().asFloat());
        INDArray dx = dc.backward(Checks.random(3, 4, 2, 0), true);
        assertEquals(3, dx.size(0), "backward belongs to the last training pass (3 rows), not the prediction (2 rows)");
    }
}
