package dropout.measure;

import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.NonFiniteOutputException;
import dropout.nn.Sampling;
import dropout.nn.SoftmaxCrossEntropy;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import dropout.nn.StochasticLayer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Monte-Carlo dropout (Gal &amp; Ghahramani 2016): keep dropout on at prediction, run T stochastic passes and
 * average their softmax outputs, p̄ = (1/T)·Σ_t softmax(f(x; masks_t)). The average approximates the predictive
 * distribution of a Bayesian network whose approximate posterior is the dropout distribution over weights; how
 * much the passes disagree is an uncertainty estimate. See {@link McPrediction} for the numbers returned.
 * <p>
 * Which layers are random: every {@link StochasticLayer} (dropout, Gaussian dropout,
 * DropConnect, Standout, alpha dropout) runs in {@link Mode#TRAIN}; every other layer runs in
 * {@link Mode#PREDICT}, so batch norm uses its moving averages and does not update them.
 * <p>
 * It leaves training alone: no backward pass runs, so no gradient changes, and while it samples each random
 * layer draws from a dedicated stream (a {@link Sampling} scope), split in layer order from {@code Rng.seeded(seed)}
 * afresh on every call; the training streams are put back afterwards, even on an exception, unadvanced. So the
 * same network, data, batch size and seed give the same numbers, and training continues exactly as if this had
 * not run. (The random layers' buffers, such as {@code lastMask()}, do hold the last Monte-Carlo pass afterwards.)
 * <p>
 * A NaN or infinite output is never a prediction: a pass that gives one stops the call with a
 * {@link NonFiniteOutputException} naming the batch and row, as {@code Evaluation} does.
 */
public final class McDropout {
    private final Network net;
    private final int passes;
    private final long seed;
    private final List<StochasticLayer> random;

    /** T = {@code passes} stochastic passes per example, masks from {@code Rng.seeded(seed)}. */
    public McDropout(Network net, int passes, long seed) {
        this.net = Objects.requireNonNull(net, "net");
        if (passes < 1) {
            throw new IllegalArgumentException("passes = " + passes + ": MC dropout needs at least 1 stochastic pass"
                    + " (Gal & Ghahramani use tens; T = 20–100 is typical)");
        }
        this.passes = passes;
        this.seed = seed;
        this.random = net.stochasticLayers();
        if (random.isEmpty()) {
            throw new IllegalArgumentException("network " + net + " has no dropout layer: every MC pass would be the same"
                    + " deterministic prediction. Build it with dropout (e.g. Mlp.dropout(...) or layerAfterActivation(...)).");
        }
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
        if (n == 0) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has no examples: MC dropout needs at least"
                    + " one to predict; pass a non-empty set");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] labels = new int[batchSize];
        Scratch inputs = new Scratch(data.dim());
        Accumulator acc = new Accumulator(n);
        Sampling.of(net).ownStreams(Rng.seeded(seed)).run(() -> {
            for (int start = 0; start < n; start += batchSize) {
                int rows = Math.min(batchSize, n - start);
                INDArray x = inputs.get(rows);
                data.gather(order, start, rows, Buffers.of(x), labels);
                acc.batch(x, start, start / batchSize + 1, data.name());
            }
        });
        return acc.result();
    }

    /**
     * The standard prediction (dropout off, one deterministic pass) in the same form as an MC prediction: its
     * probabilities, predicted classes and entropy, every spread 0. Every stochastic layer's rate is set to 0 for
     * the pass and restored after, so the pass computes exactly the prediction-mode network; scores such as
     * {@link McPrediction#entropy()} can then be set beside MC dropout's as a baseline.
     */
    public static McPrediction standardPass(Network net, Dataset data, int batchSize) {
        return Sampling.of(net).rate(dropout.core.DropoutRate.drop(0)).call(
                () -> new McDropout(net, 1, 0).predict(data, batchSize));
    }

    /** MC predictions for one batch {@code x} [batch, features]. */
    public McPrediction predict(INDArray x) {
        Accumulator acc = new Accumulator(Shapes.rows(x));
        Sampling.of(net).ownStreams(Rng.seeded(seed)).run(() -> acc.batch(x, 0, 1, "the batch"));
        return acc.result();
    }

    /** One stochastic pass: random layers in training mode, the rest in prediction mode. */
    private INDArray stochasticLogits(INDArray x) {
        INDArray a = x;
        for (Layer l : net.layers()) {
            a = l.forward(a, l instanceof StochasticLayer ? Mode.TRAIN : Mode.PREDICT);
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

        void batch(INDArray x, int start, int batchNumber, String data) {
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
                for (int k = 0, end = rows * classes; k < end; k++) {
                    if (!Float.isFinite(z.get(k))) {
                        throw NonFiniteOutputException.of("McDropout (pass " + (t + 1) + " of " + passes + ")", logits,
                                k / classes, batchNumber, start, data);
                    }
                }
                for (int r = 0; r < rows; r++) {
                    SoftmaxCrossEntropy.softmax(z, r * classes, classes, p);
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
}
