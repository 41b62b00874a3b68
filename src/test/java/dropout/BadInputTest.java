package dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.VanillaDropout;
import dropout.data.DataFileException;
import dropout.data.Dataset;
import dropout.data.FashionMnist;
import dropout.data.Idx;
import dropout.nn.DropoutLayer;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.Relu;
import dropout.nn.Sgd;
import dropout.nn.SoftmaxCrossEntropy;
import dropout.testing.Blobs;
import dropout.train.Evaluation;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import dropout.train.TrainingDivergedException;
import dropout.measure.McDropout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bad input never becomes a believable number: through the public API only, each bad input is refused with a
 * message naming the value, the rule and the fix, and a refused call leaves the state as it was.
 */
class BadInputTest {
    private static final int DIM = 6;
    private static final int CLASSES = 3;

    @TempDir
    Path dir;

    private static Network net(long seed) {
        return Mlp.sizes(DIM, 8, CLASSES).dropout(InvertedDropout.drop(0.5)).build(seed);
    }

    /** 10 rows whose labels are mostly 0, with a NaN feature in row 6 (the second batch of 4). */
    private static Dataset withNaNInRow6() {
        Dataset ok = Blobs.make(10, DIM, CLASSES, 1.0, 3);
        float[] x = new float[10 * DIM];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            System.arraycopy(ok.row(i), 0, x, i * DIM, DIM);
            y[i] = i < 8 ? 0 : 1;
        }
        x[6 * DIM + 2] = Float.NaN;
        return new Dataset("nan-row-6", x, y, DIM, CLASSES);
    }

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static void assertMentions(String message, String... words) {
        for (String w : words) {
            assertTrue(message.contains(w), () -> "message lacks \"" + w + "\": " + message);
        }
    }

    // 1. A NaN output is never a prediction.

    @Test
    void nanLogitsNeverCountAsACorrectPrediction() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(CLASSES);
        INDArray logits = Nd4j.create(new float[] {Float.NaN, 0f, 0f, 1f, 0f, 0f}, new long[] {2, 3});
        double l = loss.forward(logits, new int[] {0, 0});
        assertTrue(Double.isNaN(l), "loss " + l);
        assertEquals(1, loss.correct(), "only the finite row can be correct");
    }

    @Test
    void evaluationRefusesNaNOutputsNamingTheBatch() {
        String m = message(IllegalStateException.class, () -> Evaluation.of(net(1), withNaNInRow6(), 4));
        assertMentions(m, "NaN", "batch 2", "examples 4..7", "nan-row-6", "row 6");
    }

    @Test
    void mcDropoutRefusesNaNOutputsNamingTheBatch() {
        Network net = net(1);
        String m = message(IllegalStateException.class, () -> new McDropout(net, 5, 7).predict(withNaNInRow6(), 4));
        assertMentions(m, "NaN", "batch 2", "examples 4..7", "row 6");
    }

    // 2. Divergence: a blown-up or non-finite figure stops the run; a learning rate must be finite in float.

    @Test
    void aFiniteExplosionOfTheTrainingLossStopsTheRun() {
        Dataset train = Blobs.make(200, DIM, CLASSES, 1.0, 1);
        Dataset test = Blobs.make(50, DIM, CLASSES, 1.0, 2);
        Trainer trainer = new Trainer(TrainConfig.d2l().epochs(2).batchSize(20).learningRate(10)).quiet();
        String m = message(TrainingDivergedException.class, () -> trainer.fit("explodes", net(1), train, test));
        assertMentions(m, "'explodes' diverged", "training loss", "ln(3)", "Lower the learning rate");
    }

    @Test
    void aNonFiniteTestLossStopsTheRun() {
        Dataset train = Blobs.make(40, DIM, CLASSES, 1.0, 1);
        Trainer trainer = new Trainer(TrainConfig.d2l().epochs(2).batchSize(8).learningRate(0.1)).quiet();
        String m = message(TrainingDivergedException.class, () -> trainer.fit("nan-test", net(1), train, withNaNInRow6()));
        assertMentions(m, "'nan-test' diverged", "test loss is not finite at epoch 1", "NaN in row 6", "nan-row-6");
    }

    @Test
    void aLearningRateThatIsInfiniteInFloatIsRefused() {
        assertMentions(message(IllegalArgumentException.class, () -> TrainConfig.d2l().learningRate(1e300)),
                "learningRate = 1.0E300", "float", "3.4028235E38");
        assertMentions(message(IllegalArgumentException.class, () -> new Sgd(1e300)), "1.0E300", "float");
        assertMentions(message(IllegalArgumentException.class, () -> TrainConfig.d2l().learningRate(1e-50)),
                "learningRate = 1.0E-50", "float", "0");
    }

    // 3. Labels and rows must match in count.

    @Test
    void moreLabelsThanRowsIsRefused() {
        Network net = net(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, DIM);
        String m = message(IllegalArgumentException.class, () -> net.lossAndGradients(x, new int[8]));
        assertMentions(m, "8 labels", "5 rows");
        assertMentions(message(IllegalArgumentException.class, () -> net.lossAndGradients(x, new int[3])), "3 labels", "5 rows");
    }

    // 4. Broken gzip files and wrong magic numbers are data errors naming the file.

    @Test
    void gzipHeaderFollowedByGarbageIsADataError() throws IOException {
        Path f = dir.resolve("garbage.gz");
        Files.write(f, new byte[] {0x1f, (byte) 0x8b, 0x42, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06});
        String m = message(DataFileException.class, () -> Idx.readImages(f));
        assertMentions(m, f.toString(), "expected valid gzip data", "corrupt gzip");
    }

    @Test
    void gzipCutToFiveBytesIsADataError() throws IOException {
        Path f = dir.resolve("cut.gz");
        byte[] whole = gzip(new byte[100]);
        Files.write(f, java.util.Arrays.copyOf(whole, 5));
        String m = message(DataFileException.class, () -> Idx.readLabels(f));
        assertMentions(m, f.toString(), "truncated");
    }

    @Test
    void brokenGzipInTheDataDirectoryNamesTheFileAndTheWaysToGetTheData() throws IOException {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"}) {
            Files.write(dir.resolve(name + ".gz"), new byte[] {0x1f, (byte) 0x8b, 0x42, 0x13, 0x37});
        }
        String m = message(DataFileException.class, () -> FashionMnist.load(dir));
        assertMentions(m, "train-images-idx3-ubyte.gz", "gzip", "Ways to get Fashion-MNIST");
    }

    @Test
    void aWrongMagicNumberIsReportedAsSuchNotAsTruncation() throws IOException {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"}) {
            Files.write(dir.resolve(name), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28, 7});
        }
        String m = message(DataFileException.class, () -> FashionMnist.load(dir));
        assertMentions(m, "train-images-idx3-ubyte", "magic number 2051", "2049 (an IDX labels file)");
        assertFalse(m.contains("truncated"), m);
    }

    // 5. A keep probability too small for a 32-bit mask draw is refused; no NaN ever.

    @Test
    void aKeepProbabilityBelowTwoToTheMinus32IsRefused() {
        assertMentions(message(IllegalArgumentException.class, () -> DropoutRate.keep(1e-39)), "keep probability q = 1.0E-39",
                "2^-32", "DropoutRate.keep(0)");
        assertMentions(message(IllegalArgumentException.class, () -> DropoutRate.drop(1 - 1e-12)), "keep probability q",
                "2^-32", "DropoutRate.drop(1)");
    }

    @Test
    void theSmallestAcceptedKeepProbabilityGivesFiniteOutputs() {
        for (double q : new double[] {0x1p-32, 1e-9, 0.0}) {
            DropoutLayer layer = new DropoutLayer(DIM, new InvertedDropout(DropoutRate.keep(q)), Rng.seeded(1));
            INDArray y = layer.forward(Nd4j.ones(DataType.FLOAT, 4000, DIM), Mode.TRAIN);
            assertTrue(Double.isFinite(y.sumNumber().doubleValue()), "q = " + q);
            assertTrue(Float.isFinite(new InvertedDropout(DropoutRate.keep(q)).trainScale()), "q = " + q);
        }
    }

    // 6. Empty batches, other number types and empty data sets get the library's own words.

    @Test
    void aZeroRowBatchIsRefused() {
        INDArray empty = Nd4j.create(DataType.FLOAT, 0, DIM);
        String m = message(IllegalArgumentException.class, () -> net(1).forward(empty, Mode.PREDICT));
        assertMentions(m, "0 rows", "at least 1 row");
    }

    @Test
    void aDoubleInputIsRefusedWithTheCast() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, DIM);
        String m = message(IllegalArgumentException.class, () -> net(1).forward(x, Mode.PREDICT));
        assertMentions(m, "DOUBLE", "FLOAT", "castTo(DataType.FLOAT)");
    }

    @Test
    void trainingOrEvaluatingOnAnEmptyDataSetIsRefused() {
        Dataset empty = new Dataset("empty", new float[0], new int[0], DIM, CLASSES);
        Dataset ok = Blobs.make(20, DIM, CLASSES, 1.0, 1);
        Trainer trainer = new Trainer(TrainConfig.d2l().epochs(1).batchSize(8)).quiet();
        assertMentions(message(IllegalArgumentException.class, () -> trainer.fit("e", net(1), empty, ok)),
                "train set 'empty' has no examples");
        assertMentions(message(IllegalArgumentException.class, () -> trainer.fit("e", net(1), ok, empty)),
                "test set 'empty' has no examples");
        assertMentions(message(IllegalArgumentException.class, () -> Evaluation.of(net(1), empty, 8)), "'empty' has no examples");
        assertMentions(message(IllegalArgumentException.class, () -> new McDropout(net(1), 3, 1).predict(empty, 8)),
                "'empty' has no examples");
    }

    // 7. Layer widths are checked as inputs; hints only suggest calls that are accepted.

    @Test
    void aWrongWidthInputToDropoutOrReluNamesTheInputNotAGradient() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 2, DIM + 1);
        DropoutLayer inverted = new DropoutLayer(DIM, InvertedDropout.drop(0.5), Rng.seeded(1));
        DropoutLayer vanilla = new DropoutLayer(DIM, VanillaDropout.drop(0.5), Rng.seeded(1));
        for (Mode mode : Mode.values()) {
            for (var layer : new dropout.nn.Layer[] {inverted, vanilla, new Relu(DIM)}) {
                String m = message(IllegalArgumentException.class, () -> layer.forward(x, mode));
                assertMentions(m, "expects input shaped [batch, " + DIM + "]", "[2, " + (DIM + 1) + "]");
                assertFalse(m.contains("gradient"), m);
            }
        }
    }

    private static final Pattern SUGGESTED = Pattern.compile("DropoutRate\\.(drop|keep)\\(([^)]*)\\)");

    @Test
    void dropoutRateHintsOnlySuggestCallsThatAreAccepted() {
        for (double v : new double[] {1.5, -0.2, 50, 100, 250, Double.NaN, Double.POSITIVE_INFINITY, -3, 1e-39}) {
            for (boolean asDrop : new boolean[] {true, false}) {
                if (asDrop && v == 1e-39) {
                    continue;
                }
                String m = message(IllegalArgumentException.class,
                        () -> { if (asDrop) DropoutRate.drop(v); else DropoutRate.keep(v); });
                Matcher s = SUGGESTED.matcher(m);
                while (s.find()) {
                    String arg = s.group(2);
                    if (arg.equals("p") || arg.equals("q")) {
                        continue;
                    }
                    double a = Double.parseDouble(arg);
                    DropoutRate r = s.group(1).equals("drop") ? DropoutRate.drop(a) : DropoutRate.keep(a);
                    assertTrue(r.keepProbability() >= 0, m);
                }
                assertFalse(m.contains("meant as a keep") || m.contains("meant as a drop"), "no convention hint for a value neither convention accepts: " + m);
            }
        }
        assertMentions(message(IllegalArgumentException.class, () -> DropoutRate.drop(50)), "DropoutRate.drop(0.5)", "percent");
    }

    @Test
    void refusedCallsLeaveTheStateAsItWas() {
        Network net = net(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, DIM);
        float[] before = copy(net);
        assertThrows(IllegalArgumentException.class, () -> net.lossAndGradients(x, new int[8]));
        assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.rand(DataType.DOUBLE, 5, DIM), Mode.TRAIN));
        assertArrayEquals(before, copy(net));
        int[] good = {0, 1, 2, 0, 1};
        assertThrows(IllegalArgumentException.class, () -> net.lossAndGradients(x, new int[] {0, 1, 2, 0, 3}));
        assertEquals(net(4).lossAndGradients(x, good), net.lossAndGradients(x, good),
                "a refused step must not advance the dropout masks");
    }

    private static float[] copy(Network net) {
        return net.params().stream().map(p -> p.value().dup().data().asFloat())
                .reduce(new float[0], (a, b) -> {
                    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, c, a.length, b.length);
                    return c;
                });
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
