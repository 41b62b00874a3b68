package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.nn.SoftmaxCrossEntropy;
import dropout.report.Named;
import dropout.train.Evaluation;
import dropout.train.TrainConfig;
import dropout.variants.Checks;
import dropout.variants.GaussianDropout;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The measurement helpers notebooks 5 and 6 call: rule gaps in standard errors, accuracy errors, clean comparisons. */
class NotebookFiveSixHelpersTest {
    private final Dataset data = Checks.blobs(120, 12, 4, 1.5, 3);

    private static INDArray row(double... values) {
        INDArray x = Buffers.matrix(1, values.length);
        FloatBuffer b = Buffers.of(x);
        for (int i = 0; i < values.length; i++) {
            b.put(i, (float) values[i]);
        }
        return x;
    }

    private static UnitMoments gaussianMoments() {
        return UnitMoments.sample(row(1.5, 0.4, 2.0), 500, 20, new GaussianDropout(3, DropoutRate.drop(0.5), Rng.seeded(4)));
    }

    @Test
    void stdErrorGapIsTheGapDividedByTheMonteCarloStandardError() {
        UnitMoments mc = gaussianMoments();
        double[] estimate = mc.mean().clone();
        estimate[1] += 2 * mc.meanStdError(1);
        estimate[2] -= 0.5 * mc.meanStdError(2);
        assertEquals(2.0, MomentCheck.largestStdErrorGap(estimate, mc), 1e-9);
        assertEquals(0.0, MomentCheck.largestStdErrorGap(mc.mean(), mc), 0.0);
        assertThrows(IllegalArgumentException.class, () -> MomentCheck.largestStdErrorGap(new double[2], mc));
    }

    @Test
    void rulesTableHasOneRowPerUnitAndSignedGaps() {
        UnitMoments mc = gaussianMoments();
        double[] above = mc.mean().clone();
        for (int j = 0; j < above.length; j++) {
            above[j] += 2 * mc.meanStdError(j);
        }
        var t = MomentCheck.rulesTable(mc, Named.of("rule A", above).and("rule B", mc.mean()));
        assertEquals(3, t.rowCount());
        String text = t.toString();
        assertTrue(text.contains("rule A") && text.contains("rule B") && text.contains("gap / s.e."), text);
        assertTrue(text.contains("2.0000") && text.contains("0.0000"), text);
    }

    @Test
    void accuracyStdErrorIsBinomial() {
        assertEquals(0.05, Uncertainty.accuracyStdError(0.5, 100), 1e-15);
        assertEquals(Math.sqrt(0.62 * 0.38 / 1000), Uncertainty.accuracyStdError(0.62, 1000), 1e-15);
        assertEquals(0.0, Uncertainty.accuracyStdError(1.0, 1000), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.accuracyStdError(1.2, 10));
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.accuracyStdError(0.5, 0));
        var t = Uncertainty.accuracyTable("decile", new double[] {1.0, 0.5}, 100);
        assertEquals(2, t.rowCount());
        assertTrue(t.toString().contains("0.050"), t.toString());
    }

    @Test
    void shareBelowCountsStrictly() {
        INDArray a = row(-1, 0, 0.5, -0.1, 2);
        assertEquals(0.4, DepthMoments.shareBelow(a, 0), 1e-15);
        assertEquals(0.6, DepthMoments.shareBelow(a, 0.5), 1e-15, "0.5 itself is not below 0.5");
        assertEquals(0.8, DepthMoments.shareBelow(a, 0.5 + 1e-6), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> DepthMoments.shareBelow(a, Double.NaN));
    }

    @Test
    void deepStackRepeatsTheWidth() {
        int[] s = Sizes.deepStack(256, 32, 10);
        assertEquals(34, s.length);
        assertEquals(256, s[0]);
        assertEquals(256, s[32]);
        assertEquals(10, s[33]);
        assertArrayEquals(new int[] {5, 5, 2}, Sizes.deepStack(5, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Sizes.deepStack(5, 0, 2));
    }

    @Test
    void standardPassIsThePredictionModeNetworkAndLeavesTheRateAlone() {
        Network net = Mlp.sizes(12, 16, 4).init(Init.he()).dropout(InvertedDropout.drop(0.5)).build(3);
        McPrediction single = McDropout.standardPass(net, data, 50);
        INDArray logits = net.predict(data.batch(0, data.size()));
        double[] p = new double[4];
        for (int i = 0; i < data.size(); i++) {
            SoftmaxCrossEntropy.softmax(Buffers.of(logits), i * 4, 4, p);
            assertArrayEquals(p, single.meanProbabilities()[i], 1e-6);
            assertEquals(0.0, single.predictedStd()[i], 0.0);
        }
        assertEquals(Evaluation.of(net, data, 50).accuracy(), single.accuracy(data), 0.0);
        assertEquals(0.5, net.stochasticLayers().get(0).rate().dropProbability(), 0.0, "rate restored");
    }

    @Test
    void cleanComparisonEvaluatesEachTrainedNetworkWithDropoutOff() {
        var nets = Named.of("none", Mlp.sizes(12, 16, 4).init(Init.he()).build(1))
                .and("dropout", Mlp.sizes(12, 16, 4).init(Init.he()).dropout(InvertedDropout.drop(0.5)).build(1));
        var c = CleanComparison.train(new TrainConfig(2, 30, 0.1, 1), nets, data, data);
        assertEquals(java.util.List.of("none", "dropout"), c.names());
        assertEquals(2, c.table().rowCount());
        double[] train = c.losses().get("training set, prediction mode");
        for (int i = 0; i < 2; i++) {
            Evaluation again = Evaluation.of(nets.get(c.names().get(i)), data, 1000);
            assertEquals(again.loss(), train[i], 0.0);
            assertEquals(c.last().get(i).testLoss(), c.losses().get("test set")[i], 0.0);
        }
        // the dropout net's loop figure is taken with dropout on; on the same data the clean figure differs
        assertTrue(c.last().get(1).trainLoss() != c.clean().get(1).loss());
        assertThrows(IllegalArgumentException.class, () -> CleanComparison.train(new TrainConfig(1, 30, 0.1, 1),
                java.util.Map.<String, Network>of(), data, data));
    }
}
