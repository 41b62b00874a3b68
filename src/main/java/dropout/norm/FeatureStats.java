package dropout.norm;

import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.arrays.Shapes;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-feature mean and variance, μ_j = (1/n)·Σ_r x_rj and σ²_j = (1/n)·Σ_r (x_rj − μ_j)² (the biased, "population"
 * form, as batch norm normalises a batch), accumulated in double: of a batch {@code [rows, features]}
 * ({@link #of(INDArray)}) or of chosen columns over a whole dataset ({@link #of(Dataset, int...)}). What a notebook
 * prints to show that batch norm's training output has mean 0 and variance 1 per feature, and what its moving
 * averages should converge to. {@link #columns} cuts those columns out of a block of examples, as a batch.
 */
public record FeatureStats(double[] mean, double[] variance) {

    public FeatureStats {
        if (mean.length != variance.length) {
            throw new IllegalArgumentException(mean.length + " means but " + variance.length + " variances");
        }
        mean = mean.clone();
        variance = variance.clone();
    }

    /** Per column of {@code x} [rows, features] (a dense float C-order matrix, e.g. a layer's output). */
    public static FeatureStats of(INDArray x) {
        if (x.rank() != 2 || x.size(0) < 1) {
            throw new IllegalArgumentException("FeatureStats.of: expected a [rows, features] matrix with ≥ 1 row, got shape "
                    + Arrays.toString(x.shape()));
        }
        int rows = Shapes.rows(x);
        int cols = (int) x.size(1);
        FloatBuffer b = Buffers.of(x);
        double[] sum = new double[cols];
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++, k++) {
                sum[j] += b.get(k);
            }
        }
        double[] mean = new double[cols];
        for (int j = 0; j < cols; j++) {
            mean[j] = sum[j] / rows;
        }
        double[] squares = new double[cols];
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++, k++) {
                double d = b.get(k) - mean[j];
                squares[j] += d * d;
            }
        }
        double[] variance = new double[cols];
        for (int j = 0; j < cols; j++) {
            variance[j] = squares[j] / rows;
        }
        return new FeatureStats(mean, variance);
    }

    /** Columns {@code columns} (in that order) over every example of {@code data}. */
    public static FeatureStats of(Dataset data, int... columns) {
        checkColumns(data, columns);
        int n = data.size();
        double[] mean = new double[columns.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns.length; j++) {
                mean[j] += data.feature(i, columns[j]);
            }
        }
        for (int j = 0; j < columns.length; j++) {
            mean[j] /= n;
        }
        double[] variance = new double[columns.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns.length; j++) {
                double d = data.feature(i, columns[j]) - mean[j];
                variance[j] += d * d;
            }
        }
        for (int j = 0; j < columns.length; j++) {
            variance[j] /= n;
        }
        return new FeatureStats(mean, variance);
    }

    /** Examples {@code [start, start + count)} of {@code data}, only {@code columns}, as a new [count, columns] batch. */
    public static INDArray columns(Dataset data, int start, int count, int... columns) {
        checkColumns(data, columns);
        if (start < 0 || count < 1 || (long) start + count > data.size()) {
            throw new IllegalArgumentException("columns(" + start + ", " + count + "): rows must lie in [0, " + data.size()
                    + ") of " + data.name());
        }
        INDArray x = Buffers.matrix(count, columns.length);
        FloatBuffer b = Buffers.of(x);
        for (int r = 0, k = 0; r < count; r++) {
            for (int column : columns) {
                b.put(k++, data.feature(start + r, column));
            }
        }
        return x;
    }

    private static void checkColumns(Dataset data, int[] columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("no columns: pass at least one feature index");
        }
        for (int c : columns) {
            if (c < 0 || c >= data.dim()) {
                throw new IllegalArgumentException("column " + c + " is not in [0, " + data.dim() + ") of " + data.name());
            }
        }
    }

    public int size() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** max_j |μ_j|. */
    public double maxAbsMean() {
        return Arrays.stream(mean).map(Math::abs).max().orElseThrow();
    }

    public double minVariance() {
        return Arrays.stream(variance).min().orElseThrow();
    }

    public double maxVariance() {
        return Arrays.stream(variance).max().orElseThrow();
    }
}
