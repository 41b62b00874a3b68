package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.VanillaDropout;
import dropout.arrays.Buffers;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ThinnedNetworksTest {

    private static INDArray input() {
        INDArray x = Buffers.matrix(2, 4);
        x.putRow(0, RandomMatrix.normal(Rng.seeded(3), 1, 4));
        x.putRow(1, RandomMatrix.normal(Rng.seeded(4), 1, 4));
        return x;
    }

    @Test
    void theAverageOfAllThinnedNetworksIsThePredictionWhenDropoutIsTheLastNonlinearity() {
        for (var d : new dropout.core.Dropout[] {InvertedDropout.drop(0.5), VanillaDropout.drop(0.3)}) {
            Network net = Mlp.sizes(4, 5, 3).init(Init.normal(1)).dropout(d).build(9);
            var t = ThinnedNetworks.of(net);
            assertEquals(5, t.units());
            assertEquals(32, t.count());
            var c = t.compare(input());
            assertEquals(6, c.predicted().length);
            assertTrue(c.largestOutputGap() < 1e-5, "linear after the mask: exact, " + c.largestOutputGap());
            assertArrayEquals(net.predict(input()).data().asFloat(), toFloat(c.predicted()), 0f);
            // the softmax is not linear: the probabilities differ (by how much depends on the weights)
            assertTrue(c.largestProbabilityGap() > 1e-3, "softmax average differs: " + c.largestProbabilityGap());
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += c.averagedProbabilities()[k];
            }
            assertEquals(1.0, sum, 1e-9, "an average of distributions is a distribution");
        }
    }

    @Test
    void withDropZeroThereIsOneNetworkThatCounts() {
        Network net = Mlp.sizes(4, 3, 2).init(Init.normal(1)).dropout(InvertedDropout.drop(0)).build(2);
        var c = ThinnedNetworks.of(net).compare(input());
        assertEquals(0, c.largestOutputGap(), 1e-6);
        assertEquals(0, c.largestProbabilityGap(), 1e-6, "all weight on the full network");
    }

    @Test
    void rejectsNetworksWithoutExactlyOneDropoutLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThinnedNetworks.of(Mlp.sizes(4, 5, 3).build(1)));
        assertTrue(e.getMessage().contains("0 dropout layers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ThinnedNetworks.of(
                Mlp.sizes(4, 25, 3).dropout(InvertedDropout.drop(0.5)).build(1)));
        assertTrue(e.getMessage().contains("2^25"), e.getMessage());
    }

    @Test
    void randomMatricesAreSeededStandardNormalAndUniform() {
        INDArray a = RandomMatrix.normal(Rng.seeded(5), 300, 400);
        assertArrayEquals(a.data().asFloat(), RandomMatrix.normal(Rng.seeded(5), 300, 400).data().asFloat(), 0f);
        double n = 120_000;
        assertEquals(0, a.meanNumber().doubleValue(), 4 / Math.sqrt(n), "mean within 4 standard errors");
        double var = a.mul(a).meanNumber().doubleValue();
        assertEquals(1, var, 4 * Math.sqrt(2 / n), "variance within 4 standard errors");
        INDArray u = RandomMatrix.uniform(Rng.seeded(6), 300, 400);
        assertTrue(u.minNumber().doubleValue() >= 0 && u.maxNumber().doubleValue() < 1, "in [0, 1)");
        assertEquals(0.5, u.meanNumber().doubleValue(), 4 * Math.sqrt(1.0 / 12 / n), "mean 1/2 within 4 standard errors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomMatrix.normal(Rng.seeded(1), 0, 3));
        assertTrue(e.getMessage().contains("RandomMatrix.normal(rng, 0, 3)"), e.getMessage());
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
