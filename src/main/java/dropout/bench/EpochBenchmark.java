package dropout.bench;

import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.data.FashionMnist;
import dropout.arrays.Buffers;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training epoch of d2l's dropout MLP (60,000 Fashion-MNIST images, batch 256, 784-256-256-10,
 * inverted dropout 0.2/0.5, SGD lr 0.5), timed against the same step's eight matrix products alone, so the
 * ratio shows what everything that is not a matrix product costs. Each figure is the median of
 * {@code runs} timed repetitions after one untimed warm-up. The last line has a fixed format for scripts:
 * {@code epoch: <s> s, gemm-only: <s> s, ratio: <epoch/gemm-only>, peak-rss: <MB> MB}.
 * <p>
 * Run: {@code java -cp target/dropout-steps.jar dropout.bench.EpochBenchmark [runs]}
 */
public final class EpochBenchmark {
    private static final int[] SIZES = {784, 256, 256, 10};
    private static final int BATCH = 256;

    private EpochBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (runs < 1) {
            throw new IllegalArgumentException("runs = " + runs + ": time at least 1 run");
        }
        Dataset train = FashionMnist.load().train();
        Dataset probe = train.first(BATCH);
        TrainConfig config = TrainConfig.d2l().epochs(1);
        Network net = Mlp.sizes(SIZES).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(1);
        Trainer trainer = new Trainer(config).quiet();

        double[] epoch = new double[runs];
        double[] gemm = new double[runs];
        trainer.fit("warm-up", net, train, probe);
        gemmOnlyEpoch(train.size());
        for (int r = 0; r < runs; r++) {
            epoch[r] = trainer.fit("run " + (r + 1), net, train, probe).last().seconds();
            gemm[r] = gemmOnlyEpoch(train.size());
            System.out.printf(Locale.ROOT, "run %d: epoch %.3f s, gemm-only %.3f s%n", r + 1, epoch[r], gemm[r]);
        }
        double e = median(epoch);
        double g = median(gemm);
        System.out.printf(Locale.ROOT, "epoch: %.3f s, gemm-only: %.3f s, ratio: %.2f, peak-rss: %d MB%n", e, g, e / g, peakRssMb());
    }

    /** The eight products of one training step (3 forward, 3 weight gradients, 2 input gradients), for one epoch of batches. */
    static double gemmOnlyEpoch(int examples) {
        int layers = SIZES.length - 1;
        INDArray[] w = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = Buffers.matrix(SIZES[l], SIZES[l + 1]);
        }
        long started = System.nanoTime();
        for (int start = 0; start < examples; start += BATCH) {
            int rows = Math.min(BATCH, examples - start);
            INDArray[] a = new INDArray[layers + 1];
            INDArray[] d = new INDArray[layers + 1];
            for (int l = 0; l <= layers; l++) {
                a[l] = buffer(rows, SIZES[l], 0);
                d[l] = buffer(rows, SIZES[l], 1);
            }
            for (int l = 0; l < layers; l++) {
                Nd4j.gemm(a[l], w[l], a[l + 1], false, false, 1.0, 0.0);
            }
            for (int l = layers - 1; l >= 0; l--) {
                Nd4j.gemm(a[l], d[l + 1], grad(l, w[l]), true, false, 1.0, 0.0);
                if (l > 0) {
                    Nd4j.gemm(d[l + 1], w[l], d[l], false, true, 1.0, 0.0);
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static final java.util.Map<String, INDArray> BUFFERS = new java.util.HashMap<>();

    private static INDArray buffer(int rows, int cols, int kind) {
        return BUFFERS.computeIfAbsent(kind + ":" + rows + "x" + cols, k -> Buffers.matrix(rows, cols));
    }

    private static INDArray grad(int layer, INDArray w) {
        return BUFFERS.computeIfAbsent("g" + layer, k -> Buffers.matrix((int) w.size(0), (int) w.size(1)));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Peak resident set size of this JVM (VmHWM), in MB; -1 where /proc is not available. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
