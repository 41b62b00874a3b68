package dropout.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.testing.Blobs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private final Dataset train = Blobs.make(700, 12, 4, 1.5, 1);
    private final Dataset test = Blobs.make(200, 12, 4, 1.5, 2);

    @Test
    void learnsASeparableProblem() {
        History h = new Trainer(TrainConfig.d2l().epochs(5).batchSize(32).learningRate(0.2)).quiet()
                .fit("blobs", Mlp.sizes(12, 32, 4).init(dropout.nn.Init.he()).build(1), train, test);
        assertEquals(5, h.epochs().size());
        assertTrue(h.last().testAccuracy() > 0.9, "test accuracy " + h.last().testAccuracy());
        assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss());
        assertTrue(h.last().seconds() > 0);
    }

    @Test
    void sameSeedGivesABitIdenticalHistoryTwiceInOneJvm() {
        String a = HistoryFingerprint.fingerprint(HistoryFingerprint.run());
        String b = HistoryFingerprint.fingerprint(HistoryFingerprint.run());
        assertEquals(a, b);
    }

    @Test
    void sameSeedGivesABitIdenticalHistoryInAnotherJvm() throws IOException, InterruptedException {
        String here = HistoryFingerprint.fingerprint(HistoryFingerprint.run());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HistoryFingerprint.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        String[] lines = out.split("\n");
        assertEquals(here, lines[lines.length - 1].trim());
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        Network net = Mlp.sizes(12, 32, 16, 4).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(8);
        History other = new Trainer(TrainConfig.d2l().epochs(3).batchSize(64).learningRate(0.3).seed(6)).quiet()
                .fit("other", net, train, test);
        assertNotEquals(HistoryFingerprint.fingerprint(HistoryFingerprint.run()), HistoryFingerprint.fingerprint(other));
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        float[] x = new float[10 * 3];
        x[4] = Float.NaN;
        Dataset bad = new Dataset("bad", x, new int[10], 3, 2);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(TrainConfig.d2l().epochs(2).batchSize(5)).quiet().fit("nan", Mlp.sizes(3, 4, 2).build(1), bad, bad));
        assertTrue(e.getMessage().contains("loss = NaN at epoch 1, iteration 0"), e.getMessage());
        assertTrue(e.getMessage().contains("Lower the learning rate"), e.getMessage());
    }

    @Test
    void scheduleSetsEveryDropoutLayerEachIterationAndIsRecorded() {
        Network net = Mlp.sizes(12, 16, 16, 4).dropout(InvertedDropout.drop(0.5), InvertedDropout.drop(0.5)).build(2);
        List<Step> steps = new ArrayList<>();
        int perEpoch = TrainConfig.d2l().batchSize(100).iterationsPerEpoch(train.size());
        assertEquals(7, perEpoch);
        History h = new Trainer(TrainConfig.d2l().epochs(2).batchSize(100)).quiet()
                .schedule(it -> DropoutRate.drop(it < 10 ? 0.3 : 0.0))
                .listen(s -> {
                    steps.add(s);
                    assertEquals(s.rate(), s.network().dropoutLayers().get(1).rate());
                })
                .fit("scheduled", net, train, test);
        assertEquals(14, steps.size());
        assertEquals(0.3, steps.get(9).rate().dropProbability());
        assertEquals(0.0, steps.get(10).rate().dropProbability());
        assertEquals(0.3, h.epochs().get(0).dropRate());
        assertEquals(0.0, h.epochs().get(1).dropRate());
    }

    @Test
    void progressReportsEveryEpoch() {
        List<Integer> seen = new ArrayList<>();
        new Trainer(TrainConfig.d2l().epochs(3).batchSize(100)).progress((label, epochs, s) -> seen.add(s.epoch()))
                .fit("p", Mlp.sizes(12, 4).build(1), train, test);
        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void badConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.d2l().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.d2l().batchSize(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.d2l().learningRate(Double.NaN));
        assertTrue(e.getMessage().contains("learningRate = NaN"), e.getMessage());
    }
}
