package dropout.nn;

import dropout.arrays.Buffers;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax followed by cross-entropy, averaged over the batch: L = −(1/B) Σᵢ log softmax(zᵢ)[yᵢ].
 * Computed stably (log-sum-exp with the row maximum subtracted). dL/dz = (softmax(z) − onehot(y)) / B.
 * A row with a NaN or infinite logit is no prediction: it never counts as correct, and
 * {@link #nonFiniteRow()} names it (its loss is NaN or infinite, so the mean is too).
 */
public final class SoftmaxCrossEntropy {
    private final int classes;
    private final Scratch gradient;
    private INDArray lastLogits;
    private int[] lastLabels;
    private int lastCorrect;
    private int lastNonFiniteRow = -1;
    private final double[] probabilities;

    public SoftmaxCrossEntropy(int classes) {
        this.classes = classes;
        this.gradient = new Scratch(classes);
        this.probabilities = new double[classes];
    }

    /** Mean loss over the rows, one label per row; also counts correct arg-max predictions. */
    public double forward(INDArray logits, int[] labels) {
        Shapes.requireMatrix(logits, classes, "SoftmaxCrossEntropy");
        int rows = Shapes.rows(logits);
        requireLabels(labels, rows);
        FloatBuffer z = Buffers.of(logits);
        double sum = 0;
        int correct = 0;
        int nonFiniteRow = -1;
        for (int r = 0; r < rows; r++) {
            int label = labels[r];
            int base = r * classes;
            float max = z.get(base);
            int arg = 0;
            boolean finite = Float.isFinite(max);
            for (int c = 1; c < classes; c++) {
                float v = z.get(base + c);
                finite &= Float.isFinite(v);
                if (v > max) {
                    max = v;
                    arg = c;
                }
            }
            if (!finite && nonFiniteRow < 0) {
                nonFiniteRow = r;
            }
            double s = 0;
            for (int c = 0; c < classes; c++) {
                s += StrictMath.exp(z.get(base + c) - max);
            }
            sum += StrictMath.log(s) + max - z.get(base + label);
            if (finite && arg == label) {
                correct++;
            }
        }
        lastLogits = logits;
        lastLabels = labels;
        lastCorrect = correct;
        lastNonFiniteRow = nonFiniteRow;
        return sum / rows;
    }

    /** Exactly one label per row, each a class index in [0, classes): checked before anything is computed. */
    public void requireLabels(int[] labels, int rows) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows of logits: give exactly one"
                    + " label per row (" + rows + " labels)");
        }
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException("label " + labels[r] + " in row " + r + " is outside [0, " + classes
                        + "): labels must be class indices 0.." + (classes - 1));
            }
        }
    }

    public int classes() {
        return classes;
    }

    /** Correct arg-max predictions in the last {@link #forward} batch. */
    public int correct() {
        return lastCorrect;
    }

    /** The first row of the last {@link #forward} batch with a NaN or infinite logit, or −1 when every logit is finite. */
    public int nonFiniteRow() {
        return lastNonFiniteRow;
    }

    /** dL/dlogits for the last {@link #forward} call. */
    public INDArray backward() {
        if (lastLogits == null) {
            throw new IllegalStateException("SoftmaxCrossEntropy.backward before forward: call forward(logits, labels) first");
        }
        int rows = Shapes.rows(lastLogits);
        INDArray g = gradient.get(rows);
        FloatBuffer z = Buffers.of(lastLogits);
        FloatBuffer gs = Buffers.of(g);
        double inv = 1.0 / rows;
        double[] p = probabilities;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            softmax(z, base, classes, p);
            for (int c = 0; c < classes; c++) {
                gs.put(base + c, (float) ((p[c] - (c == lastLabels[r] ? 1.0 : 0.0)) * inv));
            }
        }
        return g;
    }

    /** Softmax of the row {@code z[base .. base + classes)} into {@code p}, in double after subtracting the row maximum. */
    public static void softmax(FloatBuffer z, int base, int classes, double[] p) {
        float max = z.get(base);
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
