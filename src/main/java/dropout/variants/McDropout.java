package dropout.variants;

import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.nn.Buffers;
import dropout.nn.DropoutLayer;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.Scratch;
import dropout.nn.Shapes;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Monte-Carlo dropout (Gal &amp; Ghahramani 2016): keep dropout on at prediction, run T stochastic passes and
 * average their softmax outputs, p̄ = (1/T)·Σ_t softmax(f(x; masks_t)). The average approximates the predictive
 * distribution of a Bayesian network whose approximate posterior is the dropout distribution over weights; how
 * much the passes disagree is an uncertainty estimate. See {@link McPrediction} for the numbers returned.
 * <p>
 * Which layers are random: every {@link DropoutLayer} and every {@link StochasticLayer} (Gaussian dropout,
 * DropConnect, Standout, alpha dropout) runs in {@link Mode#TRAIN}; every other layer runs in
 * {@link Mode#PREDICT}, so batch norm uses its moving averages and does not update them.
 * <p>
 * It leaves training alone: no backward pass runs, so no gradient changes, and while it samples each random
 * layer draws from a dedicated stream ({@code swapRng}), split in layer order from {@code Rng.seeded(seed)}
 * afresh on every call; the training streams are put back afterwards, even on an exception, unadvanced. So the
 * same network, data, batch size and seed give the same numbers, and training continues exactly as if this had
 * not run. (The random layers' buffers, such as {@code lastMask()}, do hold the last Monte-Carlo pass afterwards.)
 */
public final class McDropout {
    private final Network net;
    private final int passes;
    private final long seed;
    private final List<Layer> random;

    /** T = {@code passes} stochastic passes per example, masks from {@code Rng.seeded(seed)}. */
    public McDropout(Network net, int passes, long seed) {
        this.net = Objects.requireNonNull(net, "net");
        if (passes < 1) {
            throw new IllegalArgumentException("passes = " + passes + ": MC dropout needs at least 1 stochastic pass"
                    + " (Gal & Ghahramani use tens; T = 20–100 is typical)");
        }
        this.passes = passes;
        this.seed = seed;
        this.random = net.layers().stream().filter(McDropout::isRandom).toList();
        if (random.isEmpty()) {
            throw new IllegalArgumentException("network " + net + " has no dropout layer: every MC pass would be the same"
                    + " deterministic prediction. Build it with dropout (e.g. Mlp.dropout(...) or layerAfterActivation(...)).");
        }
    }

    private static boolean isRandom(Layer l) {
        return l instanceof DropoutLayer || l instanceof StochasticLayer;
    }

    private static Rng swap(Layer l, Rng replacement) {
        return l instanceof DropoutLayer d ? d.swapRng(replacement) : ((StochasticLayer) l).swapRng(replacement);
    }

    public int passes() {
        return passes;
    }

    /** MC predictions for every example of {@code data}, in order, {@code batchSize} examples per forward pass. */
    public McPrediction predict(Dataset data, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + ": a batch needs at least 1 example");
        }
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] labels = new int[batchSize];
        Scratch inputs = new Scratch(data.dim());
        Accumulator acc = new Accumulator(n);
        withDedicatedStreams(() -> {
            for (int start = 0; start < n; start += batchSize) {
                int rows = Math.min(batchSize, n - start);
                INDArray x = inputs.get(rows);
                data.gather(order, start, rows, Buffers.of(x), labels);
                acc.batch(x, start);
            }
        });
        return acc.result();
    }

    /** MC predictions for one batch {@code x} [batch, features]. */
    public McPrediction predict(INDArray x) {
        Accumulator acc = new Accumulator(Shapes.rows(x));
        withDedicatedStreams(() -> acc.batch(x, 0));
        return acc.result();
    }

    private void withDedicatedStreams(Runnable work) {
        Rng root = Rng.seeded(seed);
        List<Rng> saved = new ArrayList<>();
        try {
            for (Layer l : random) {
                saved.add(swap(l, root.split()));
            }
            work.run();
        } finally {
            for (int i = 0; i < saved.size(); i++) {
                swap(random.get(i), saved.get(i));
            }
        }
    }

    /** One stochastic pass: random layers in training mode, the rest in prediction mode. */
    private INDArray stochasticLogits(INDArray x) {
        INDArray a = x;
        for (Layer l : net.layers()) {
            a = l.forward(a, isRandom(l) ? Mode.TRAIN : Mode.PREDICT);
        }
        return a;
    }

    /** Running sums per example over the passes: Σ p, Σ p², Σ H[p_t]. */
    private final class Accumulator {
        private final double[][] sum;
        private final double[][] sumSquares;
        private final double[] sumEntropy;
        private int classes;

        Accumulator(int n) {
            this.sum = new double[n][];
            this.sumSquares = new double[n][];
            this.sumEntropy = new double[n];
        }

        void batch(INDArray x, int start) {
            int rows = Shapes.rows(x);
            double[] p = null;
            for (int t = 0; t < passes; t++) {
                INDArray logits = stochasticLogits(x);
                classes = (int) logits.size(1);
                if (p == null) {
                    p = new double[classes];
                    for (int r = 0; r < rows; r++) {
                        sum[start + r] = new double[classes];
                        sumSquares[start + r] = new double[classes];
                    }
                }
                FloatBuffer z = Buffers.of(logits);
                for (int r = 0; r < rows; r++) {
                    softmax(z, r * classes, classes, p);
                    double[] s = sum[start + r];
                    double[] s2 = sumSquares[start + r];
                    double h = 0;
                    for (int c = 0; c < classes; c++) {
                        s[c] += p[c];
                        s2[c] += p[c] * p[c];
                        h -= p[c] > 0 ? p[c] * StrictMath.log(p[c]) : 0;
                    }
                    sumEntropy[start + r] += h;
                }
            }
        }

        McPrediction result() {
            int n = sum.length;
            double[][] mean = new double[n][];
            int[] predicted = new int[n];
            double[] std = new double[n];
            double[] entropy = new double[n];
            double[] mi = new double[n];
            for (int i = 0; i < n; i++) {
                double[] m = new double[classes];
                int arg = 0;
                double h = 0;
                for (int c = 0; c < classes; c++) {
                    m[c] = sum[i][c] / passes;
                    if (m[c] > m[arg]) {
                        arg = c;
                    }
                    h -= m[c] > 0 ? m[c] * StrictMath.log(m[c]) : 0;
                }
                mean[i] = m;
                predicted[i] = arg;
                std[i] = Math.sqrt(Math.max(0, sumSquares[i][arg] / passes - m[arg] * m[arg]));
                entropy[i] = h;
                mi[i] = Math.max(0, h - sumEntropy[i] / passes);
            }
            return new McPrediction(passes, mean, predicted, std, entropy, mi);
        }
    }

    /** Softmax of {@code z[base .. base + classes)} into {@code p}, in double, the row maximum subtracted. */
    static void softmax(FloatBuffer z, int base, int classes, double[] p) {
        double max = z.get(base);
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, z.get(base + c));
        }
        double s = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = StrictMath.exp(z.get(base + c) - max);
            s += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= s;
        }
    }
}
