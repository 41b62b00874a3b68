package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Dropout;
import dropout.core.InvertedDropout;
import dropout.core.VanillaDropout;
import dropout.nn.Identity;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.testing.Blobs;
import org.junit.jupiter.api.Test;

class ExpectationTest {
    private static final float[] INPUT = {0.5f, -1f, 2f, 1.5f};

    private static Network linear(Dropout first, Dropout second) {
        return Mlp.sizes(4, 8, 8, 3).activation(Identity::new).init(Init.normal(0.5)).dropout(first, second).build(3);
    }

    @Test
    void linearNetworkTrainingMeanMatchesPredictionForBothStyles() {
        for (Dropout d : new Dropout[] {VanillaDropout.drop(0.5), InvertedDropout.drop(0.5)}) {
            NetworkExpectation e = NetworkExpectation.measure(linear(d, d), INPUT, 200_000, 1);
            // |mean − predict| < 4 standard errors in every output: fails by chance about once in 5,000
            assertTrue(e.maxZ() < 4, d + ": " + e.table());
        }
    }

    @Test
    void forgottenScalingInflatesALinearNetworkByOneOverQPerLayer() {
        Dropout d = VanillaDropout.drop(0.5);
        NetworkExpectation e = NetworkExpectation.measure(linear(d, VanillaDropout.drop(0.2)), INPUT, 1000, 1);
        for (int c = 0; c < 3; c++) {
            assertEquals(e.predict()[c] / (0.5 * 0.8), e.predictUnscaled()[c], 1e-4 * Math.abs(e.predictUnscaled()[c]));
        }
        NetworkExpectation inverted = NetworkExpectation.measure(linear(InvertedDropout.drop(0.5), InvertedDropout.drop(0.5)), INPUT, 1000, 1);
        assertArrayEquals(inverted.predict(), inverted.predictUnscaled(), 0.0);
    }

    @Test
    void measuringLeavesTheNetworkAsItWas() {
        Network net = linear(VanillaDropout.drop(0.5), VanillaDropout.drop(0.5));
        NetworkExpectation a = NetworkExpectation.measure(net, INPUT, 5000, 7);
        NetworkExpectation b = NetworkExpectation.measure(net, INPUT, 5000, 7);
        assertArrayEquals(a.trainMean(), b.trainMean(), 0.0);
        assertArrayEquals(a.predict(), b.predict(), 0.0);
        assertEquals(VanillaDropout.class, ((dropout.nn.DropoutLayer) net.dropoutLayers().get(0)).style().getClass());
    }

    @Test
    void runningMomentsConvergeToHAndHSquaredPOverQ() {
        long[] counts = RunningMoments.decades(1_000_000);
        assertEquals(1, counts[0]);
        assertEquals(1_000_000, counts[counts.length - 1]);
        RunningMoments m = RunningMoments.of(InvertedDropout.drop(0.5), 2.0, counts, 4);
        double sigma = 2.0;  // √(h²·p/q) at p = 0.5
        assertEquals(2.0, m.finalMean(), 4 * sigma / 1000);
        // two-point distribution (0 or h/q = 4, each with probability ½): the sample variance is 16·f(1−f) for the
        // kept fraction f, so a 4σ deviation of f (4·0.0005) moves it by only 16·(0.002)²
        assertEquals(4.0, m.finalVariance(), 16 * 0.002 * 0.002);
        assertEquals(counts.length, m.mean().length);
    }

    @Test
    void runningMomentsRejectBadCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunningMoments.of(InvertedDropout.drop(0.5), 1, new long[] {10, 5}, 1));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
    }

    @Test
    void forgottenScalingChangesTheLossAndRestoresTheNetwork() {
        dropout.data.Dataset data = Blobs.make(600, 12, 4, 1.5, 1);
        Network net = Mlp.sizes(12, 16, 4).dropout(VanillaDropout.drop(0.5)).init(Init.he()).build(2);
        new dropout.train.Trainer(dropout.train.TrainConfig.d2l().epochs(3).batchSize(50).learningRate(0.1)).quiet().fit("v", net, data, data);
        ForgottenScaling f = ForgottenScaling.evaluate(net, data);
        assertTrue(f.forgotten().loss() != f.asTrained().loss());
        assertEquals(f.asTrained(), ForgottenScaling.evaluate(net, data).asTrained());
        assertEquals(VanillaDropout.class, net.layersOf(dropout.nn.DropoutLayer.class).get(0).style().getClass());
    }

    @Test
    void runningMomentsBandIsExactPlusMinusKStandardErrors() {
        RunningMoments m = RunningMoments.of(InvertedDropout.drop(0.5), 2.0, new long[] {1, 100, 10_000}, 4);
        RunningMoments.Band b = m.band(2.0, 2.0, 3);
        assertArrayEquals(new double[] {-4.0, 1.4, 1.94}, b.low(), 1e-12);
        assertArrayEquals(new double[] {8.0, 2.6, 2.06}, b.high(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.band(2.0, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> m.band(2.0, 1, 0));
    }
}
