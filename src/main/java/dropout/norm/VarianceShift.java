package dropout.norm;

import dropout.data.Dataset;
import dropout.nn.BatchNorm;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.nn.Network;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dropout before batch norm shifts the variance (Li et al. 2019, "Understanding the disharmony between dropout and
 * batch normalization by variance shift"). In training a batch-norm layer sees inputs that carry dropout's noise,
 * so its running variance measures that noise too; at prediction dropout is off, its input varies less, and batch
 * norm divides by a variance that is too large. For inverted dropout (rate p, q = 1 − p) on inputs x before
 * z = W·x: Var_train(z_j) = Var(Σ_i W_ij·x_i) + (p/q)·Σ_i W_ij²·E[x_i²], Var_predict(z_j) = Var(Σ_i W_ij·x_i).
 * <p>
 * {@link #measure} runs {@code data} through the network in prediction mode up to the chosen batch-norm layer and
 * returns, per feature, the variance of that layer's input (biased, over the whole dataset) next to the layer's
 * running variance. A ratio below 1 means batch norm over-divides at prediction. Nothing in the network changes.
 */
public record VarianceShift(double[] predictionVariance, double[] runningVariance) {

    public VarianceShift {
        if (predictionVariance.length != runningVariance.length) {
            throw new IllegalArgumentException(predictionVariance.length + " prediction variances but "
                    + runningVariance.length + " running variances");
        }
        predictionVariance = predictionVariance.clone();
        runningVariance = runningVariance.clone();
    }

    /** Rows per forward pass in {@link #measure}. */
    static final int BATCH = 1000;

    /** For the {@code which}-th {@link BatchNorm} of {@code net} (0 = the first), over every example of {@code data}. */
    public static VarianceShift measure(Network net, int which, Dataset data) {
        List<BatchNorm> norms = net.layersOf(BatchNorm.class);
        if (which < 0 || which >= norms.size()) {
            throw new IllegalArgumentException("batch-norm layer " + which + " asked for, but the network has "
                    + norms.size() + " (counted from 0): " + net);
        }
        BatchNorm target = norms.get(which);
        int n = data.size();
        double[] sum = new double[target.size()];
        double[] squares = new double[target.size()];
        for (int start = 0; start < n; start += BATCH) {
            int rows = Math.min(BATCH, n - start);
            INDArray a = data.batch(start, rows);
            for (Layer l : net.layers()) {
                if (l == target) {
                    break;
                }
                a = l.forward(a, Mode.PREDICT);
            }
            float[] v = a.data().asFloat();
            int cols = target.size();
            for (int r = 0, k = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++, k++) {
                    sum[j] += v[k];
                    squares[j] += (double) v[k] * v[k];
                }
            }
        }
        double[] variance = new double[target.size()];
        for (int j = 0; j < variance.length; j++) {
            double mean = sum[j] / n;
            variance[j] = Math.max(0, squares[j] / n - mean * mean);
        }
        return new VarianceShift(variance, target.runningVariance());
    }

    @Override
    public double[] predictionVariance() {
        return predictionVariance.clone();
    }

    @Override
    public double[] runningVariance() {
        return runningVariance.clone();
    }

    /** Per feature, prediction-mode input variance / running variance. */
    public double[] ratios() {
        double[] r = new double[predictionVariance.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = predictionVariance[j] / runningVariance[j];
        }
        return r;
    }

    /** The median of {@link #ratios()} over the features (robust to a few features with tiny variance). */
    public double medianRatio() {
        double[] r = ratios();
        Arrays.sort(r);
        int m = r.length / 2;
        return r.length % 2 == 1 ? r[m] : (r[m - 1] + r[m]) / 2;
    }
}
