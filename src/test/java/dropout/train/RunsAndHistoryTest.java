package dropout.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.data.Dataset;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.report.Named;
import dropout.testing.Blobs;
import org.junit.jupiter.api.Test;

class RunsAndHistoryTest {
    private static History history(double... testAccuracy) {
        History h = new History("h");
        for (int e = 0; e < testAccuracy.length; e++) {
            h.add(new EpochStats(e + 1, 1, 0.5, 1, testAccuracy[e], 0, 0));
        }
        return h;
    }

    @Test
    void testAccuracyByEpochRangeAndDrop() {
        History h = history(0.5, 0.7, 0.6, 0.9);
        assertEquals(0.7, h.testAccuracyAt(2), 0.0);
        assertEquals((0.7 + 0.6) / 2, h.testAccuracyMean(2, 3), 1e-15);
        assertEquals(0.675, h.testAccuracyMean(1, 4), 1e-15);
        assertEquals(0.1, h.largestTestAccuracyDrop(), 1e-15, "0.7 -> 0.6; the rises do not count");
        assertEquals(0.0, history(0.5, 0.6, 0.9).largestTestAccuracyDrop(), 0.0);
    }

    @Test
    void refusesEpochsOutsideTheHistory() {
        History h = history(0.5, 0.7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.testAccuracyMean(0, 2));
        assertTrue(e.getMessage().contains("counted from 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> h.testAccuracyAt(3));
        assertThrows(IllegalArgumentException.class, () -> h.testAccuracyMean(2, 1));
        assertThrows(IllegalArgumentException.class, () -> history(0.5).largestTestAccuracyDrop());
    }

    @Test
    void runsTrainEachNetworkAsItsOwnTrainerWouldAndTraceEveryIteration() {
        Dataset train = Blobs.make(200, 5, 3, 0.5, 1);
        Dataset test = Blobs.make(100, 5, 3, 0.5, 2);
        TrainConfig config = TrainConfig.d2l().epochs(3).batchSize(50).learningRate(0.1);
        Runs runs = Runs.fit(config, Named.of("a", Mlp.sizes(5, 8, 3).build(1)).and("b", Mlp.sizes(5, 4, 3).build(2)),
                train, test);
        assertEquals(java.util.List.of("a", "b"), runs.names());
        LossTrace alone = new LossTrace();
        Network a = Mlp.sizes(5, 8, 3).build(1);
        History direct = new Trainer(config).listen(alone).fit("a", a, train, test);
        assertArrayEquals(direct.testAccuracy(), runs.history("a").testAccuracy(), 0.0);
        assertArrayEquals(alone.losses(), runs.trace("a").losses(), 0.0);
        assertEquals(12, runs.trace("b").losses().length, "3 epochs of 4 batches");
        assertArrayEquals(runs.trace("b").smoothed(0.9), runs.smoothedLosses(0.9).get("b"), 0.0);
        assertEquals(runs.trace("a").firstBelow(0.9, 0.9), runs.firstBelow(0.9, 0.9).get("a"));
        assertEquals(Math.max(runs.history("a").largestTestAccuracyDrop(), runs.history("b").largestTestAccuracyDrop()),
                runs.largestTestAccuracyDrop(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> runs.net("c"));
    }

    @Test
    void predictionModeCurveByEpoch() {
        Dataset train = Blobs.make(200, 5, 3, 0.5, 1);
        TrainConfig config = TrainConfig.d2l().epochs(4).batchSize(50).learningRate(0.1);
        PredictionModeCurve every2 = PredictionModeCurve.every(2, train, config, train.size());
        History h = new Trainer(config).quiet().listen(every2).fit("x", Mlp.sizes(5, 8, 3).build(1), train, train);
        assertEquals(every2.accuracy()[1], every2.accuracyAt(4), 0.0);
        // measured on the training set both ways, so the gap at an epoch both measured is exactly 0
        assertEquals(0.0, every2.gapAt(h, 2), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> every2.accuracyAt(3));
        assertTrue(e.getMessage().contains("every 2"), e.getMessage());
    }
}
