package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.VanillaDropout;
import dropout.data.Dataset;
import dropout.early.Schedules;
import dropout.nn.Dense;
import dropout.nn.DropoutLayer;
import dropout.nn.Layer;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.Param;
import dropout.testing.Blobs;
import dropout.train.DropoutSchedule;
import dropout.train.EpochStats;
import dropout.train.Evaluation;
import dropout.train.History;
import dropout.train.Step;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientProbesTest {
    private static final Dataset TRAIN = Blobs.make(700, 12, 4, 1.5, 777, 1);
    private static final Dataset TEST = Blobs.make(200, 12, 4, 1.5, 777, 2);
    private static final TrainConfig CONFIG = TrainConfig.d2l().epochs(4).batchSize(64).learningRate(0.3).seed(5);
    private static final int PER_EPOCH = CONFIG.iterationsPerEpoch(TRAIN.size());   // 11
    private static final DropoutSchedule EARLY = Schedules.early(DropoutRate.drop(0.3), 2, PER_EPOCH);

    private static Network net(boolean vanilla) {
        Mlp mlp = Mlp.sizes(12, 32, 16, 4);
        return (vanilla ? mlp.dropout(VanillaDropout.drop(0.2), VanillaDropout.drop(0.5))
                : mlp.dropoutEverywhere(InvertedDropout.drop(0.3))).build(8);
    }

    /** Every recorded number's exact bits, the wall-clock seconds excepted. */
    static String fingerprint(History h) {
        StringBuilder s = new StringBuilder();
        for (EpochStats e : h.epochs()) {
            for (double v : new double[] {e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.dropRate()}) {
                s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
            }
        }
        return s.toString().trim();
    }

    /** A run's history, final parameters and per-iteration gradient hashes (as seen by a listener after the probes). */
    private record Run(String history, float[] weights, List<Integer> gradientHashes, ProbeLog log) {
    }

    private static Run run(boolean vanilla, GradientProbesFactory probes) {
        Network net = net(vanilla);
        GradientProbes p = probes == null ? null : probes.make(net);
        Trainer trainer = new Trainer(CONFIG).quiet().schedule(EARLY);
        if (p != null) {
            p.measure(0, EARLY.at(0));
            trainer.listen(p);
        }
        List<Integer> hashes = new ArrayList<>();
        trainer.listen(s -> hashes.add(java.util.Arrays.hashCode(GradientProbes.flatGradients(s.network()))));
        History h = trainer.fit("run", net, TRAIN, TEST);
        return new Run(fingerprint(h), GradientProbes.flatValues(net), hashes, p == null ? null : p.log());
    }

    @FunctionalInterface
    private interface GradientProbesFactory {
        GradientProbes make(Network net);
    }

    private static final long[] CHECKPOINTS = {1, 5, 11, 21, 22, 23, 44};

    @Test
    void probesLeaveTheTrainingRunBitIdentical() {
        for (boolean vanilla : new boolean[] {false, true}) {
            Run plain = run(vanilla, null);
            Run probed = run(vanilla, net -> GradientProbes.of(net, TRAIN, Rng.seeded(99)).at(CHECKPOINTS).batches(4, 32));
            Run subset = run(vanilla, net -> GradientProbes.of(net, TRAIN, Rng.seeded(3)).at(GradientProbes.evenly(5, 44))
                    .batches(3, 50).reference(TRAIN.first(100)).referenceChunk(33));
            for (Run other : List.of(probed, subset)) {
                assertEquals(plain.history(), other.history(), "vanilla " + vanilla);
                assertArrayEquals(plain.weights(), other.weights(), "vanilla " + vanilla);
                // listeners after the probes see the training step's own gradient
                assertEquals(plain.gradientHashes(), other.gradientHashes(), "vanilla " + vanilla);
            }
            assertEquals(1 + CHECKPOINTS.length, probed.log().size());
            assertArrayEquals(new double[] {0, 1, 5, 11, 21, 22, 23, 44}, probed.log().iterations());
            assertEquals(6, subset.log().size());
        }
    }

    @Test
    void probeRecordsAreSensibleAndFollowTheSchedule() {
        ProbeLog log = run(false, net -> GradientProbes.of(net, TRAIN, Rng.seeded(99)).at(CHECKPOINTS).batches(4, 32)).log();
        assertEquals(0.0, log.distance()[0]);
        assertArrayEquals(new double[] {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.0, 0.0}, log.dropRate());
        for (ProbeRecord r : log.records()) {
            assertTrue(r.gradNorm() > 0 && Double.isFinite(r.gradNorm()), r.toString());
            assertTrue(r.gdv() > 0 && r.gdv() < 1, r.toString());
            assertTrue(r.gde() > 0 && r.gde() < 1, r.toString());
            assertTrue(r.fullLoss() > 0 && Double.isFinite(r.fullLoss()), r.toString());
        }
        double[] d = log.distance();
        for (int i = 1; i < d.length; i++) {
            assertTrue(d[i] > 0, "the weights moved: " + java.util.Arrays.toString(d));
        }
        assertTrue(d[d.length - 1] > d[1], java.util.Arrays.toString(d));
        double[] loss = log.fullLoss();
        assertTrue(loss[loss.length - 1] < loss[0], java.util.Arrays.toString(loss));
        assertArrayEquals(log.gdv(), log.column(ProbeRecord::gdv));
        assertArrayEquals(new double[] {0, 1.0 / 11, 5.0 / 11, 1, 21.0 / 11, 2, 23.0 / 11, 4}, log.epochs(11), 1e-15);
    }

    @Test
    void sameProbeSeedGivesTheSameRecordsAndAnotherSeedOtherOnes() {
        GradientProbesFactory f = net -> GradientProbes.of(net, TRAIN, Rng.seeded(99)).at(CHECKPOINTS).batches(4, 32);
        assertEquals(run(false, f).log().records(), run(false, f).log().records());
        GradientProbesFactory g = net -> GradientProbes.of(net, TRAIN, Rng.seeded(100)).at(CHECKPOINTS).batches(4, 32);
        List<ProbeRecord> a = run(false, f).log().records();
        List<ProbeRecord> b = run(false, g).log().records();
        assertNotEquals(a.get(3).gdv(), b.get(3).gdv());
        assertEquals(a.get(3).distance(), b.get(3).distance());   // the weights are the same either way
        assertEquals(a.get(3).fullLoss(), b.get(3).fullLoss());
    }

    @Test
    void measurementRestoresRatesStreamsGradientsAndParameters() {
        Network probed = Mlp.sizes(12, 16, 8, 4).dropout(InvertedDropout.drop(0.3), InvertedDropout.drop(0.6)).build(4);
        Network twin = Mlp.sizes(12, 16, 8, 4).dropout(InvertedDropout.drop(0.3), InvertedDropout.drop(0.6)).build(4);
        GradientProbes probes = GradientProbes.of(probed, TRAIN, Rng.seeded(1)).batches(5, 20);
        INDArray x = batch(TRAIN, 0, 30);
        int[] y = labels(TRAIN, 0, 30);
        probed.lossAndGradients(x, y);
        twin.lossAndGradients(x, y);
        float[] gradients = GradientProbes.flatGradients(probed);
        float[] values = GradientProbes.flatValues(probed);
        probes.measure(1, DropoutRate.drop(0.9));
        probes.measure(2);
        assertEquals(0.3, probed.dropoutLayers().get(0).rate().dropProbability());
        assertEquals(0.6, probed.dropoutLayers().get(1).rate().dropProbability());
        assertArrayEquals(gradients, GradientProbes.flatGradients(probed));
        assertArrayEquals(values, GradientProbes.flatValues(probed));
        assertEquals(0.9, probes.log().records().get(0).dropRate());
        assertEquals(0.3, probes.log().records().get(1).dropRate());
        // the next training pass draws the same masks as the twin that was never probed
        probed.lossAndGradients(x, y);
        twin.lossAndGradients(x, y);
        for (int i = 0; i < 2; i++) {
            DropoutLayer a = (DropoutLayer) probed.dropoutLayers().get(i);
            DropoutLayer b = (DropoutLayer) twin.dropoutLayers().get(i);
            assertArrayEquals(values(a.lastMask()), values(b.lastMask()), "layer " + i);
        }
        assertArrayEquals(GradientProbes.flatGradients(twin), GradientProbes.flatGradients(probed));
        assertTrue(probes.seconds() > 0);
    }

    @Test
    void gradientBuffersAreRecomputedByEveryBackwardPass() {
        Network dirty = Mlp.sizes(12, 16, 4).build(3);
        Network clean = Mlp.sizes(12, 16, 4).build(3);
        for (Param p : dirty.params()) {
            FloatBuffer g = Buffers.of(p.gradient());
            for (int i = 0; i < p.gradient().length(); i++) {
                g.put(i, Float.NaN);
            }
        }
        dirty.lossAndGradients(batch(TRAIN, 5, 17), labels(TRAIN, 5, 17));
        clean.lossAndGradients(batch(TRAIN, 5, 17), labels(TRAIN, 5, 17));
        assertArrayEquals(GradientProbes.flatGradients(clean), GradientProbes.flatGradients(dirty));
    }

    @Test
    void handComputedNormDistanceGdvAndGde() {
        // Logistic regression on 40 copies of x = (1, 0), label 0, from zero weights: softmax = (½, ½), so every
        // mini-batch gradient is dW = [[−½, ½], [0, 0]], db = [−½, ½]: ‖g‖ = 1, all directions equal.
        float[] xs = new float[40 * 2];
        for (int i = 0; i < 40; i++) {
            xs[2 * i] = 1;
        }
        Dataset same = new Dataset("same", xs, new int[40], 2, 2);
        Network net = Mlp.sizes(2, 2).build(1);
        Dense dense = (Dense) net.layers().get(0);
        dense.weights().assign(0);
        dense.bias().assign(0);
        GradientProbes probes = GradientProbes.of(net, same, Rng.seeded(1)).batches(4, 5).referenceChunk(7);
        ProbeRecord r = probes.measure(0);
        assertEquals(1.0, r.gradNorm(), 1e-7);
        assertEquals(0.0, r.distance());
        assertEquals(0.0, r.gdv(), 1e-12);
        assertEquals(0.0, r.gde(), 1e-12);
        assertEquals(Math.log(2), r.fullLoss(), 1e-7);
        assertEquals(0.0, r.dropRate());
        double[] g = new double[4 + 2];
        GradientProbes.fullGradient(net, same, 40, g);
        assertArrayEquals(new double[] {-0.5, 0.5, 0, 0, -0.5, 0.5}, g, 1e-6);
        // move two parameters by 3 and 4: distance 5
        dense.weights().putScalar(1, 1, 3f);
        dense.bias().putScalar(0, 0, -4f);
        assertEquals(5.0, probes.measure(1).distance(), 1e-12);
    }

    @Test
    void fullGradientIsTheSizeWeightedAverageOfBatchGradientsWithDropoutOff() {
        Dataset tiny = Blobs.make(10, 3, 2, 1.0, 777, 7);
        Network net = Mlp.sizes(3, 5, 2).dropoutEverywhere(InvertedDropout.drop(0.5)).build(6);
        int n = (int) net.parameterCount();
        double[] byThree = new double[n];
        double[] whole = new double[n];
        double lossByThree = GradientProbes.fullGradient(net, tiny, 3, byThree);
        double lossWhole = GradientProbes.fullGradient(net, tiny, 10, whole);
        assertEquals(0.5, net.dropoutLayers().get(0).rate().dropProbability());   // put back
        assertArrayEquals(whole, byThree, 1e-6);
        assertEquals(lossWhole, lossByThree, 1e-6);
        // by hand: batches of 3, 3, 3, 1 with dropout off, weighted by their sizes
        double[] manual = new double[n];
        net.setDropoutRate(DropoutRate.NONE);
        for (int start = 0; start < 10; start += 3) {
            int rows = Math.min(3, 10 - start);
            net.lossAndGradients(batch(tiny, start, rows), labels(tiny, start, rows));
            float[] gb = GradientProbes.flatGradients(net);
            for (int j = 0; j < n; j++) {
                manual[j] += rows * (double) gb[j] / 10;
            }
        }
        net.setDropoutRate(DropoutRate.drop(0.5));
        assertArrayEquals(manual, byThree, 1e-7);
        // and it is the derivative of the mean loss over the set in prediction mode (= dropout off for inverted dropout)
        assertEquals(Evaluation.of(net, tiny, 10).loss(), lossWhole, 1e-6);
        Dense first = (Dense) net.layers().get(0);
        for (int[] rc : new int[][] {{0, 0}, {1, 3}, {2, 4}}) {
            float w = first.weights().getFloat(rc[0], rc[1]);
            float eps = 1e-2f;
            first.weights().putScalar(rc[0], rc[1], w + eps);
            double up = Evaluation.of(net, tiny, 10).loss();
            first.weights().putScalar(rc[0], rc[1], w - eps);
            double down = Evaluation.of(net, tiny, 10).loss();
            first.weights().putScalar(rc[0], rc[1], w);
            assertEquals((up - down) / (2 * eps), whole[rc[0] * 5 + rc[1]], 2e-3, "dW[" + rc[0] + "][" + rc[1] + "]");
        }
    }

    @Test
    void evenlySpreadCheckpoints() {
        assertArrayEquals(new long[] {13, 25, 38, 50, 63, 75, 88, 100}, GradientProbes.evenly(8, 100));
        assertArrayEquals(new long[] {1, 2}, GradientProbes.evenly(4, 2));
        assertThrows(IllegalArgumentException.class, () -> GradientProbes.evenly(0, 10));
        assertArrayEquals(new long[] {10, 22, 48, 104, 226, 494, 1077, 2350}, GradientProbes.logSpaced(8, 10, 2350));
        assertArrayEquals(new long[] {1, 2, 3}, GradientProbes.logSpaced(5, 1, 3));
        assertArrayEquals(new long[] {7}, GradientProbes.logSpaced(3, 7, 7));
        assertThrows(IllegalArgumentException.class, () -> GradientProbes.logSpaced(8, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> GradientProbes.logSpaced(8, 20, 10));
    }

    @Test
    void meanOfLogsAveragesCheckpointByCheckpoint() {
        ProbeLog a = new ProbeLog(List.of(new ProbeRecord(1, 0.1, 1, 2, 0.2, 0.4, 3), new ProbeRecord(5, 0, 3, 4, 0.4, 0.6, 1)));
        ProbeLog b = new ProbeLog(List.of(new ProbeRecord(1, 0.3, 3, 4, 0.4, 0.2, 1), new ProbeRecord(5, 0, 1, 2, 0.2, 0.2, 1)));
        ProbeLog m = ProbeLog.mean(List.of(a, b));
        assertArrayEquals(new double[] {1, 5}, m.iterations());
        assertArrayEquals(new double[] {0.2, 0}, m.dropRate(), 1e-15);
        assertArrayEquals(new double[] {2, 2}, m.gradNorm());
        assertArrayEquals(new double[] {3, 3}, m.distance());
        assertArrayEquals(new double[] {0.3, 0.3}, m.gdv(), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.4}, m.gde(), 1e-15);
        assertArrayEquals(new double[] {2, 1}, m.fullLoss());
        ProbeLog c = new ProbeLog(List.of(new ProbeRecord(2, 0, 0, 0, 0, 0, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeLog.mean(List.of(a, c)));
        assertTrue(e.getMessage().contains("same checkpoints"), e.getMessage());
        assertTrue(a.toString().contains("GDV"));
    }

    @Test
    void nonsenseIsRejectedClearly() {
        Network net = net(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientProbes.of(net, TRAIN, Rng.seeded(1)).at(0, 5));
        assertTrue(e.getMessage().contains("measure(0, schedule.at(0))"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientProbes.of(net, TRAIN, Rng.seeded(1)).batches(1, 10));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientProbes.of(net, TRAIN, Rng.seeded(1)).batches(16, 256));
        assertTrue(e.getMessage().contains("4096 distinct examples, but the training set has 700"), e.getMessage());
        // the defaults (16 × 256) do not fit 700 examples either: said at the first measurement
        assertThrows(IllegalArgumentException.class, () -> GradientProbes.of(net, TRAIN, Rng.seeded(1)).measure(0));
        GradientProbes used = GradientProbes.of(net, TRAIN, Rng.seeded(1)).batches(2, 10);
        used.measure(0);
        assertThrows(IllegalStateException.class, () -> used.at(5));
        Network other = net(false);
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> used.afterStep(new Step(0, 1, 1.0, null, other)));
        assertTrue(s.getMessage().contains("another network"), s.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientProbes.of(net, TRAIN, Rng.seeded(1)).reference(Blobs.make(10, 3, 2, 1, 777, 1)));
        assertTrue(e.getMessage().contains("3 features but the training set 12"), e.getMessage());
    }

    @Test
    void layersWithStateTheProbesCannotRestoreAreRefused() {
        Dense dense = new Dense(12, 4, (w, rng) -> { }, Rng.seeded(1));
        Layer withParams = new Layer() {
            @Override
            public INDArray forward(INDArray input, Mode mode) {
                return input;
            }

            @Override
            public INDArray backward(INDArray g, boolean inputGradient) {
                return g;
            }

            @Override
            public List<Param> params() {
                return List.of(new Param("gamma", Nd4j.ones(1, 4), Nd4j.zeros(1, 4)));
            }

            @Override
            public String toString() {
                return "BatchNormLike";
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientProbes.of(new Network(List.of(dense, withParams), 4), TRAIN, Rng.seeded(1)));
        assertTrue(e.getMessage().contains("layer 1 (BatchNormLike) has parameters and is not fully connected"), e.getMessage());
    }

    private static float[] values(INDArray a) {
        float[] v = new float[(int) a.length()];
        Buffers.of(a).get(0, v);
        return v;
    }

    private static INDArray batch(Dataset d, int start, int rows) {
        INDArray x = Buffers.matrix(rows, d.dim());
        int[] order = new int[d.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        d.gather(order, start, rows, Buffers.of(x), new int[rows]);
        return x;
    }

    private static int[] labels(Dataset d, int start, int rows) {
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = d.label(start + i);
        }
        return y;
    }
}
