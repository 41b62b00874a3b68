package dropout.data;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Labelled examples held on the Java heap: {@code size} rows of {@code dim} features, row-major,
 * and one class label per row. Immutable; subsets copy.
 */
public final class Dataset {
    private final String name;
    private final float[] features;
    private final int[] labels;
    private final int dim;
    private final int classes;

    public Dataset(String name, float[] features, int[] labels, int dim, int classes) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim = " + dim + ": a dataset needs at least one feature per example");
        }
        if (features.length != (long) labels.length * dim) {
            throw new IllegalArgumentException("features.length = " + features.length + " but labels.length × dim = "
                    + labels.length + " × " + dim + ": give exactly one row of " + dim + " features per label");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label[" + i + "] = " + labels[i] + " is outside [0, " + classes
                        + "): labels must be class indices below classes = " + classes);
            }
        }
        this.name = name;
        this.features = features;
        this.labels = labels;
        this.dim = dim;
        this.classes = classes;
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int dim() {
        return dim;
    }

    public int classes() {
        return classes;
    }

    public int label(int i) {
        return labels[i];
    }

    public float feature(int i, int j) {
        return features[i * dim + j];
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        return Arrays.copyOfRange(features, i * dim, (i + 1) * dim);
    }

    /** Examples {@code [start, start + count)} as a new {@code [count, dim]} array. */
    public INDArray batch(int start, int count) {
        if (start < 0 || count < 1 || start + count > size()) {
            throw new IllegalArgumentException("batch(" + start + ", " + count + "): rows must lie in [0, " + size() + ") of " + name);
        }
        INDArray x = Buffers.matrix(count, dim);
        Buffers.of(x).put(0, features, start * dim, count * dim);
        return x;
    }

    /** Labels of examples {@code [start, start + count)}. */
    public int[] labels(int start, int count) {
        return Arrays.copyOfRange(labels, start, start + count);
    }

    /** The first {@code n} examples (a copy), for quick experiments. */
    public Dataset first(int n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("first(" + n + "): n must be in [1, " + size() + "] for " + name);
        }
        return new Dataset(name + "[:" + n + "]", Arrays.copyOf(features, n * dim), Arrays.copyOf(labels, n), dim, classes);
    }

    /**
     * Copies the rows {@code order[start..start+count)} into {@code out} (row-major, from position 0)
     * and their labels into {@code labelsOut}: the mini-batch gather of a training loop.
     */
    public void gather(int[] order, int start, int count, FloatBuffer out, int[] labelsOut) {
        for (int r = 0; r < count; r++) {
            int i = order[start + r];
            out.put(r * dim, features, i * dim, dim);
            labelsOut[r] = labels[i];
        }
    }
}
