package dropout.bench;

import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.data.FashionMnist;
import dropout.arrays.Buffers;
import dropout.arrays.Gemm;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * Run: {@code java -cp target/dropout-steps.jar dropout.bench.EpochBenchmark [runs] [--compare] [--figures]}
 */
public final class EpochBenchmark {
    private static final int[] SIZES = {784, 256, 256, 10};
    private static final int BATCH = 256;

    private EpochBenchmark() {
    }

    /** A way of running the same training: products through {@code Nd4j.gemm} or directly. */
    private record Setting(String name, boolean directGemm) {
    }

    public static void main(String[] args) throws IOException {
        List<String> flags = Arrays.asList(args);
        int runs = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 3;
        if (runs < 1) {
            throw new IllegalArgumentException("runs = " + runs + ": time at least 1 run");
        }
        boolean compare = flags.contains("--compare");
        boolean figures = flags.contains("--figures");
        Dataset all = FashionMnist.load().train();
        // comparisons alternate many short epochs (60 batches), so that a loaded machine's drift favours no setting
        Dataset train = compare ? all.first(60 * BATCH) : all;
        Dataset probe = all.first(BATCH);
        List<Setting> settings = List.of(new Setting("library", true), new Setting("plain", false));
        TrainConfig config = TrainConfig.d2l().epochs(1);
        int k = settings.size();
        Network[] nets = new Network[k];
        Trainer[] trainers = new Trainer[k];
        double[][] epoch = new double[k][runs];
        for (int i = 0; i < k; i++) {
            nets[i] = network();
            trainers[i] = new Trainer(config).quiet();
            time(settings.get(i), trainers[i], nets[i], train, probe);
        }
        double[] gemm = new double[runs];
        double[] gemmNd4j = new double[runs];
        double[] gemmTwoThreads = new double[runs];
        gemmOnlyEpoch(train.size());
        for (int r = 0; r < runs; r++) {
            StringBuilder line = new StringBuilder("run " + (r + 1) + ":");
            for (int j = 0; j < k; j++) {
                int i = (j + r) % k; // rotate which setting goes first
                epoch[i][r] = time(settings.get(i), trainers[i], nets[i], train, probe);
            }
            for (int i = 0; i < k; i++) {
                line.append(String.format(Locale.ROOT, " %s %.3f s,", settings.get(i).name(), epoch[i][r]));
            }
            gemm[r] = gemmOnlyEpoch(train.size());
            line.append(String.format(Locale.ROOT, " gemm-only %.3f s", gemm[r]));
            if (compare) {
                Gemm.directCalls(false);
                gemmNd4j[r] = gemmOnlyEpoch(train.size());
                Gemm.directCalls(true);
                line.append(String.format(Locale.ROOT, ", gemm-only via Nd4j.gemm %.3f s", gemmNd4j[r]));
            }
            if (figures) {
                gemmTwoThreads[r] = withBlasThreads(2, () -> gemmOnlyEpoch(train.size()));
                line.append(String.format(Locale.ROOT, ", gemm-only at 2 BLAS threads %.3f s", gemmTwoThreads[r]));
            }
            System.out.println(line);
        }
        for (int i = 0; i < k; i++) {
            System.out.printf(Locale.ROOT, "%s: median %.3f s (quartiles %.3f-%.3f); paired ratio to plain: median %.3f"
                    + " (quartiles %.3f-%.3f); parameters bit-identical to plain: %s%n", settings.get(i).name(),
                    median(epoch[i]), quantile(epoch[i], 0.25), quantile(epoch[i], 0.75), median(ratios(epoch[i], epoch[1])),
                    quantile(ratios(epoch[i], epoch[1]), 0.25), quantile(ratios(epoch[i], epoch[1]), 0.75),
                    sameParameters(nets[i], nets[1]));
        }
        if (compare) {
            System.out.printf(Locale.ROOT, "gemm-only, direct sgemm: median %.3f s; via Nd4j.gemm: %.3f s; paired ratio"
                    + " direct/Nd4j.gemm: median %.3f (quartiles %.3f-%.3f)%n", median(gemm), median(gemmNd4j),
                    median(ratios(gemm, gemmNd4j)), quantile(ratios(gemm, gemmNd4j), 0.25), quantile(ratios(gemm, gemmNd4j), 0.75));
        }
        if (figures) {
            System.out.printf(Locale.ROOT, "figure, not used by training (other digits): gemm-only at 2 BLAS threads: median"
                    + " %.3f s; paired ratio to 1 thread: median %.3f (quartiles %.3f-%.3f)%n", median(gemmTwoThreads),
                    median(ratios(gemmTwoThreads, gemm)), quantile(ratios(gemmTwoThreads, gemm), 0.25),
                    quantile(ratios(gemmTwoThreads, gemm), 0.75));
        }
        double e = median(epoch[0]);
        double g = median(gemm);
        System.out.printf(Locale.ROOT, "epoch: %.3f s, gemm-only: %.3f s, ratio: %.2f, peak-rss: %d MB%n", e, g, e / g, peakRssMb());
    }

    private static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    private static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private static double time(Setting s, Trainer trainer, Network net, Dataset train, Dataset probe) {
        Gemm.directCalls(s.directGemm());
        try {
            return trainer.fit(s.name(), net, train, probe).last().seconds();
        } finally {
            Gemm.directCalls(true);
        }
    }

    private static double withBlasThreads(int threads, java.util.function.DoubleSupplier work) {
        Nd4j.factory().blas().setMaxThreads(threads);
        try {
            return work.getAsDouble();
        } finally {
            Nd4j.factory().blas().setMaxThreads(1);
        }
    }

    private static Network network() {
        return Mlp.sizes(SIZES).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(1);
    }

    private static boolean sameParameters(Network a, Network b) {
        for (int i = 0; i < a.params().size(); i++) {
            if (!Arrays.equals(a.params().get(i).value().data().asFloat(), b.params().get(i).value().data().asFloat())) {
                return false;
            }
        }
        return true;
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
                Gemm.product(a[l], w[l], a[l + 1], false, false, 1f);
            }
            for (int l = layers - 1; l >= 0; l--) {
                Gemm.product(a[l], d[l + 1], grad(l, w[l]), true, false, 1f);
                if (l > 0) {
                    Gemm.product(d[l + 1], w[l], d[l], false, true, 1f);
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
