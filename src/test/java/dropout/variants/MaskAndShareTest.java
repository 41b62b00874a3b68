package dropout.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.DropoutRate;
import dropout.core.Rng;
import dropout.measure.DepthMoments;
import dropout.nn.Mode;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Standout's sampled mask m (also where z ≤ 0) and Gaussian dropout's share of negative multipliers. */
class MaskAndShareTest {

    @Test
    void standoutMaskIsKeptWithProbabilityQEvenWhereTheOutputIsZero() {
        double[] z = {2.0, -1.0, 0.3, -2.5};
        int rows = 20_000;
        INDArray x = Buffers.matrix(rows, z.length);
        FloatBuffer b = Buffers.of(x);
        for (int i = 0; i < rows * z.length; i++) {
            b.put(i, (float) z[i % z.length]);
        }
        Standout layer = new Standout(z.length, 1.0, 0.0, Rng.seeded(9));
        layer.forward(x, Mode.PREDICT);
        assertNull(layer.lastMask(), "no mask before a training pass");
        layer.forward(x, Mode.TRAIN);
        float[] m = layer.lastMask().dup().data().asFloat();
        float[] gate = layer.lastGate().dup().data().asFloat();
        for (int j = 0; j < z.length; j++) {
            double q = layer.keepProbability(z[j]);
            double kept = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * z.length + j;
                assertTrue(m[i] == 0f || m[i] == 1f);
                assertEquals(z[j] > 0 ? m[i] : 0f, gate[i], 0f, "gate = m·[z > 0]");
                kept += m[i];
            }
            double se = Math.sqrt(q * (1 - q) / rows);
            assertEquals(q, kept / rows, 4 * se, "unit " + j + " kept share");
        }
    }

    @Test
    void gaussianNegativeShareIsPhiOfMinusOneOverSigma() {
        GaussianDropout half = new GaussianDropout(4, DropoutRate.drop(0.5), Rng.seeded(2));
        assertEquals(0.15865525393145707, half.negativeShare(), 2e-7);
        GaussianDropout low = new GaussianDropout(4, DropoutRate.drop(0.2), Rng.seeded(2));
        assertEquals(DropConnectDense.normalCdf(-1 / low.sigma()), low.negativeShare(), 0.0);
        int rows = 50_000;
        INDArray ones = Buffers.matrix(rows, 4);
        FloatBuffer b = Buffers.of(ones);
        for (int i = 0; i < rows * 4; i++) {
            b.put(i, 1f);
        }
        half.forward(ones, Mode.TRAIN);
        double n = rows * 4.0;
        double p = half.negativeShare();
        assertEquals(p, DepthMoments.shareBelow(half.lastNoise(), 0), 4 * Math.sqrt(p * (1 - p) / n));
    }
}
