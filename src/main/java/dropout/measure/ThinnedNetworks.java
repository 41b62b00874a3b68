package dropout.measure;

import dropout.core.Dropout;
import dropout.arrays.Buffers;
import dropout.nn.DropoutLayer;
import dropout.nn.FullyConnected;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.nn.Network;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dropout as model averaging (Srivastava et al. 2014): a network with one dropout layer of n units is
 * 2ⁿ thinned networks that share one set of weights, mask m chosen with probability q^kept · p^dropped.
 * This class runs every one of them on an input and averages their outputs with those probabilities,
 * exactly (no sampling), to compare with the single prediction-mode pass.
 */
public final class ThinnedNetworks {
    /** 2²⁰ thinned networks is already a million passes. */
    public static final int MAX_UNITS = 20;

    private final List<Layer> before;
    private final List<Layer> after;
    private final Dropout dropout;
    private final int units;

    private ThinnedNetworks(List<Layer> before, List<Layer> after, Dropout dropout, int units) {
        this.before = before;
        this.after = after;
        this.dropout = dropout;
        this.units = units;
    }

    /** The thinned networks of {@code net}, which must have exactly one dropout layer. */
    public static ThinnedNetworks of(Network net) {
        List<Layer> layers = net.layers();
        List<DropoutLayer> drops = net.layersOf(DropoutLayer.class);
        if (drops.size() != 1) {
            throw new IllegalArgumentException("the network has " + drops.size() + " dropout layers: the thinned "
                    + "networks are enumerated for exactly one, e.g. Mlp.sizes(4, 5, 3).dropout(InvertedDropout.drop(0.5))");
        }
        int at = layers.indexOf(drops.get(0));
        int units = -1;
        for (Layer l : layers.subList(0, at)) {
            if (l instanceof FullyConnected d) {
                units = d.outputSize();
            }
        }
        if (units < 1 || units > MAX_UNITS) {
            throw new IllegalArgumentException("the dropout layer has " + units + " units, i.e. 2^" + units
                    + " thinned networks: enumerate at most " + MAX_UNITS + " units (a layer of 5 has 32)");
        }
        return new ThinnedNetworks(layers.subList(0, at), layers.subList(at + 1, layers.size()),
                drops.get(0).style(), units);
    }

    /** The number of units that can be dropped, n. */
    public int units() {
        return units;
    }

    /** 2ⁿ: how many thinned networks share the weights. */
    public long count() {
        return 1L << units;
    }

    /** The averages over all thinned networks of one batch, next to the prediction-mode pass. */
    public Comparison compare(INDArray x) {
        INDArray h = forward(before, x);
        INDArray predicted = forward(after, dropout.predict(h));
        int rows = (int) h.size(0);
        int cols = (int) predicted.size(1);
        double[] avgLogits = new double[rows * cols];
        double[] avgProbs = new double[rows * cols];
        double q = dropout.rate().keepProbability();
        INDArray mask = Buffers.matrix(rows, units);
        FloatBuffer m = Buffers.of(mask);
        for (long bits = 0; bits < count(); bits++) {
            int kept = Long.bitCount(bits);
            double weight = StrictMath.pow(q, kept) * StrictMath.pow(1 - q, units - kept);
            for (int r = 0; r < rows; r++) {
                for (int u = 0; u < units; u++) {
                    m.put(r * units + u, (bits >>> u & 1) == 1 ? 1f : 0f);
                }
            }
            float[] out = forward(after, dropout.train(h, mask)).dup('c').data().asFloat();
            double[] probs = softmax(out, rows, cols);
            for (int i = 0; i < out.length; i++) {
                avgLogits[i] += weight * out[i];
                avgProbs[i] += weight * probs[i];
            }
        }
        float[] p = predicted.dup('c').data().asFloat();
        return new Comparison(count(), toDouble(p), avgLogits, softmax(p, rows, cols), avgProbs);
    }

    private static INDArray forward(List<Layer> layers, INDArray x) {
        INDArray a = x;
        for (Layer l : layers) {
            a = l.forward(a, Mode.PREDICT);
        }
        return a.dup('c');
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double[] softmax(float[] logits, int rows, int cols) {
        double[] p = new double[logits.length];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, logits[r * cols + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                p[r * cols + c] = StrictMath.exp(logits[r * cols + c] - max);
                sum += p[r * cols + c];
            }
            for (int c = 0; c < cols; c++) {
                p[r * cols + c] /= sum;
            }
        }
        return p;
    }

    /**
     * Outputs (row-major, batch × classes) of the prediction pass and the probability-weighted averages over
     * all thinned networks: of their outputs (logits) and of their softmax probabilities.
     */
    public record Comparison(long networks, double[] predicted, double[] averaged, double[] predictedProbabilities,
                             double[] averagedProbabilities) {

        /** Largest |prediction − average| over the outputs (logits). */
        public double largestOutputGap() {
            return largestGap(predicted, averaged);
        }

        /** Largest |softmax(prediction) − average of the thinned networks' softmax| over the probabilities. */
        public double largestProbabilityGap() {
            return largestGap(predictedProbabilities, averagedProbabilities);
        }

        private static double largestGap(double[] a, double[] b) {
            double g = 0;
            for (int i = 0; i < a.length; i++) {
                g = Math.max(g, Math.abs(a[i] - b[i]));
            }
            return g;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d thinned networks: largest |prediction - average| %.2e on the "
                    + "outputs, %.4f on the softmax probabilities", networks, largestOutputGap(),
                    largestProbabilityGap());
        }
    }
}
