package dropout.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.testing.Blobs;
import org.junit.jupiter.api.Test;

class PredictionModeCurveTest {
    private final Dataset train = Blobs.make(250, 12, 4, 1.5, 1);
    private final Dataset test = Blobs.make(100, 12, 4, 1.5, 2);

    private static Network net() {
        return Mlp.sizes(12, 32, 4).init(Init.he()).dropoutEverywhere(InvertedDropout.drop(0.5)).build(1);
    }

    @Test
    void measuresOncePerEpochAtTheEpochsEndEvenWithAShortLastBatch() {
        TrainConfig config = TrainConfig.d2l().epochs(4).batchSize(32).learningRate(0.2);   // 250 = 7·32 + 26
        Network net = net();
        PredictionModeCurve clean = PredictionModeCurve.of(train, config, train.size());
        new Trainer(config).quiet().listen(clean).fit("blobs", net, train, test);
        assertArrayEquals(new int[] {1, 2, 3, 4}, clean.epochs());
        Evaluation after = Evaluation.of(net, train, 32);
        assertEquals(after.accuracy(), clean.last().accuracy(), 0.0);
        assertEquals(after.loss(), clean.last().loss(), 0.0);
        assertEquals(4, clean.accuracy().length);
    }

    @Test
    void theTestSetItMeasuresMatchesTheTrainersOwnPredictionModeTestFigures() {
        TrainConfig config = TrainConfig.d2l().epochs(3).batchSize(50).learningRate(0.2);
        PredictionModeCurve onTest = PredictionModeCurve.of(test, config, train.size());
        History h = new Trainer(config).quiet().listen(onTest).fit("blobs", net(), train, test);
        assertArrayEquals(h.testAccuracy(), onTest.accuracy(), 0.0);
        assertArrayEquals(h.testLoss(), onTest.loss(), 0.0);
    }

    @Test
    void everyNthEpoch() {
        TrainConfig config = TrainConfig.d2l().epochs(7).batchSize(50).learningRate(0.2);
        PredictionModeCurve c = PredictionModeCurve.every(3, train, config, train.size());
        new Trainer(config).quiet().listen(c).fit("blobs", net(), train, test);
        assertArrayEquals(new int[] {3, 6}, c.epochs());
    }

    @Test
    void badArgumentsAndEmptyCurvesSayWhatToDo() {
        TrainConfig config = TrainConfig.d2l();
        assertThrows(IllegalArgumentException.class, () -> PredictionModeCurve.every(0, train, config, 10));
        assertThrows(IllegalArgumentException.class, () -> PredictionModeCurve.of(train, config, 0));
        assertThrows(IllegalStateException.class, () -> PredictionModeCurve.of(train, config, 10).last());
    }
}
