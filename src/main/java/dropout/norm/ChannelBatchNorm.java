package dropout.norm;

import dropout.nn.BatchNorm;
import dropout.nn.Mode;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation after a convolution: input [N, C, H, W], one mean and one variance per channel c over all
 * m = N·H·W values of that channel (every example, every position), and one scalar γ_c, β_c per channel:
 * <pre>
 *   training:    μ_c = (1/m)·Σ_{n,h,w} x_nchw,   σ²_c = (1/m)·Σ_{n,h,w} (x_nchw − μ_c)²
 *                y_nchw = γ_c·(x_nchw − μ_c) / √(σ²_c + ε) + β_c,   ε = 1e-5, and the moving averages are updated
 *   prediction:  y_nchw = γ_c·(x_nchw − running μ_c) / √(running σ²_c + ε) + β_c
 * </pre>
 * How the moving averages start and what variance they average is a {@link MovingAverages} (default
 * {@link MovingAverages#LIBRARY}, as {@link BatchNorm}). γ starts at 1, β at 0. Forward only: what the notebooks
 * compute by hand is checked against it; the networks here are fully connected and use {@link BatchNorm}.
 * Statistics accumulate in double.
 */
public final class ChannelBatchNorm {
    private final int channels;
    private final MovingAverages averages;
    private final double[] gamma;
    private final double[] beta;
    private final double[] runningMean;
    private final double[] runningVariance;
    private final double[] batchMean;
    private final double[] batchVariance;
    private long updates;

    /** Channel batch norm with the library's moving averages (momentum 0.9, from μ = 0, σ² = 1, unbiased). */
    public ChannelBatchNorm(int channels) {
        this(channels, MovingAverages.LIBRARY);
    }

    public ChannelBatchNorm(int channels, MovingAverages averages) {
        if (channels < 1) {
            throw new IllegalArgumentException("ChannelBatchNorm channels = " + channels + ": a layer needs at least 1 channel");
        }
        this.channels = channels;
        this.averages = java.util.Objects.requireNonNull(averages, "averages");
        this.gamma = new double[channels];
        Arrays.fill(gamma, 1.0);
        this.beta = new double[channels];
        this.runningMean = new double[channels];
        Arrays.fill(runningMean, averages.startMean());
        this.runningVariance = new double[channels];
        Arrays.fill(runningVariance, averages.startVariance());
        this.batchMean = new double[channels];
        this.batchVariance = new double[channels];
    }

    public int channels() {
        return channels;
    }

    public MovingAverages averages() {
        return averages;
    }

    /** Sets γ, one value per channel. */
    public ChannelBatchNorm scale(double... perChannel) {
        System.arraycopy(perChannelValues("scale", perChannel), 0, gamma, 0, channels);
        return this;
    }

    /** Sets β, one value per channel. */
    public ChannelBatchNorm shift(double... perChannel) {
        System.arraycopy(perChannelValues("shift", perChannel), 0, beta, 0, channels);
        return this;
    }

    private double[] perChannelValues(String what, double[] values) {
        if (values.length != channels) {
            throw new IllegalArgumentException(what + ": " + values.length + " values for " + channels
                    + " channels; give exactly one per channel");
        }
        return values;
    }

    public double[] gamma() {
        return gamma.clone();
    }

    public double[] beta() {
        return beta.clone();
    }

    /** Per-channel mean of the last training batch. */
    public double[] batchMean() {
        return batchMean.clone();
    }

    /** Per-channel biased variance (÷m) of the last training batch. */
    public double[] batchVariance() {
        return batchVariance.clone();
    }

    public double[] runningMean() {
        return runningMean.clone();
    }

    public double[] runningVariance() {
        return runningVariance.clone();
    }

    /** Training batches seen (each updates the moving averages once). */
    public long updates() {
        return updates;
    }

    /** Normalises {@code x} [N, C, H, W] (not changed); returns a new array of the same shape. */
    public INDArray forward(INDArray x, Mode mode) {
        if (x.rank() != 4 || x.size(1) != channels) {
            throw new IllegalArgumentException("ChannelBatchNorm(" + channels + ") expects [N, " + channels
                    + ", H, W], got shape " + Arrays.toString(x.shape()) + "; reshape a flat batch first");
        }
        int n = (int) x.size(0);
        int plane = (int) (x.size(2) * x.size(3));
        float[] v = x.dup('c').data().asFloat();
        long m = (long) n * plane;
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        if (mode == Mode.PREDICT) {
            System.arraycopy(runningMean, 0, mean, 0, channels);
            System.arraycopy(runningVariance, 0, variance, 0, channels);
        } else {
            if (m < 2) {
                throw new IllegalArgumentException("ChannelBatchNorm in training mode got " + m + " value per channel:"
                        + " its variance is 0 and the unbiased estimate undefined; pass a batch with N·H·W ≥ 2");
            }
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = (i * channels + c) * plane, end = k + plane; k < end; k++) {
                        sum += v[k];
                    }
                }
                mean[c] = sum / m;
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = (i * channels + c) * plane, end = k + plane; k < end; k++) {
                        double d = v[k] - mean[c];
                        squares += d * d;
                    }
                }
                variance[c] = squares / m;
                double keep = averages.momentum();
                runningMean[c] = keep * runningMean[c] + (1 - keep) * mean[c];
                runningVariance[c] = keep * runningVariance[c] + (1 - keep) * averages.batchVariance(variance[c], m);
            }
            System.arraycopy(mean, 0, batchMean, 0, channels);
            System.arraycopy(variance, 0, batchVariance, 0, channels);
            updates++;
        }
        float[] y = new float[v.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                double scale = gamma[c] / Math.sqrt(variance[c] + BatchNorm.EPSILON);
                for (int k = (i * channels + c) * plane, end = k + plane; k < end; k++) {
                    y[k] = (float) ((v[k] - mean[c]) * scale + beta[c]);
                }
            }
        }
        return Nd4j.create(y, x.shape(), 'c');
    }

    @Override
    public String toString() {
        return "ChannelBatchNorm(" + channels + ", " + averages + ")";
    }
}
