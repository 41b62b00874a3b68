package dropout.nn;

import dropout.arrays.Buffers;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation for dense layers (Ioffe &amp; Szegedy 2015), per feature j over a batch of B rows:
 * <pre>
 *   training:    μ_j = (1/B)·Σ_r x_rj,   σ²_j = (1/B)·Σ_r (x_rj − μ_j)²          (biased: the batch's own variance)
 *                x̂_rj = (x_rj − μ_j) / √(σ²_j + ε),   y_rj = γ_j·x̂_rj + β_j,   ε = 1e-5
 *                running_μ ← momentum·running_μ + (1 − momentum)·μ
 *                running_σ² ← momentum·running_σ² + (1 − momentum)·σ²·B/(B − 1)  (unbiased, as the paper's inference)
 *   prediction:  y_rj = γ_j·(x_rj − running_μ_j) / √(running_σ²_j + ε) + β_j
 *   backward:    dβ_j = Σ_r dy_rj,   dγ_j = Σ_r dy_rj·x̂_rj,
 *                dx_rj = γ_j / (B·√(σ²_j + ε)) · (B·dy_rj − dβ_j − x̂_rj·dγ_j)
 * </pre>
 * Conventions, stated: momentum is the weight of the <em>old</em> running value (Keras/TensorFlow style; default
 * 0.9, so a running average forgets with a time constant of about 10 steps). PyTorch's {@code momentum=0.1}
 * means the same as 0.9 here. The running averages start at μ = 0, σ² = 1 (a fresh layer predicts the identity
 * times γ plus β). γ starts at 1 and β at 0, both learnable {@link Param}s. Training output therefore has, per
 * feature, mean 0 and variance σ²/(σ² + ε) (1 up to ε and float rounding).
 * <p>
 * A training batch needs at least 2 rows: with one row every x̂ is 0 and the unbiased variance divides by 0
 * (PyTorch refuses it too). Statistics accumulate in double. The dense bias before a batch-norm layer is
 * redundant (the mean subtraction removes it; its gradient is 0 up to rounding); it is kept for simplicity.
 */
public final class BatchNorm implements Layer {
    /** ε added to the variance before the square root. */
    public static final double EPSILON = 1e-5;
    /** The default weight of the old running value. */
    public static final double DEFAULT_MOMENTUM = 0.9;
    private final int size;
    private final double momentum;
    private final INDArray gamma;
    private final INDArray beta;
    private final INDArray gammaGrad;
    private final INDArray betaGrad;
    private final double[] runningMean;
    private final double[] runningVariance;
    private final double[] mean;
    private final double[] invStd;
    private final double[] factor;
    private final double[] acc1;
    private final double[] acc2;
    private final Scratch output;
    private final Scratch normalised;
    private final Scratch inputGrad;
    private INDArray lastNormalised;
    private long updates;

    /** Batch norm over {@code size} features, momentum 0.9. */
    public BatchNorm(int size) {
        this(size, DEFAULT_MOMENTUM);
    }

    /** Batch norm with running = momentum·running + (1 − momentum)·batch, momentum in [0, 1). */
    public BatchNorm(int size, double momentum) {
        if (size < 1) {
            throw new IllegalArgumentException("BatchNorm size = " + size + ": a layer needs at least 1 feature");
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("BatchNorm momentum = " + momentum + " is not in [0, 1): it is the weight of the"
                    + " old running value (0.9 here equals PyTorch's momentum=0.1); 1 would never learn the statistics");
        }
        this.size = size;
        this.momentum = momentum;
        this.gamma = Buffers.matrix(1, size);
        this.beta = Buffers.matrix(1, size);
        this.gammaGrad = Buffers.matrix(1, size);
        this.betaGrad = Buffers.matrix(1, size);
        FloatBuffer g = Buffers.of(gamma);
        for (int j = 0; j < size; j++) {
            g.put(j, 1f);
        }
        this.runningMean = new double[size];
        this.runningVariance = new double[size];
        java.util.Arrays.fill(runningVariance, 1.0);
        this.mean = new double[size];
        this.invStd = new double[size];
        this.factor = new double[size];
        this.acc1 = new double[size];
        this.acc2 = new double[size];
        this.output = new Scratch(size);
        this.normalised = new Scratch(size);
        this.inputGrad = new Scratch(size);
    }

    public int size() {
        return size;
    }

    public double momentum() {
        return momentum;
    }

    /** The live γ row [1, size]. */
    public INDArray gamma() {
        return gamma;
    }

    /** The live β row [1, size]. */
    public INDArray beta() {
        return beta;
    }

    /** The live ∂loss/∂γ row [1, size], written by {@link #backward}: Σ over the batch of dy·x̂. */
    public INDArray gammaGradient() {
        return gammaGrad;
    }

    /** A copy of the running mean. */
    public double[] runningMean() {
        return runningMean.clone();
    }

    /** A copy of the running (unbiased) variance. */
    public double[] runningVariance() {
        return runningVariance.clone();
    }

    /** Training-mode batches seen so far (each updates the running averages once). */
    public long updates() {
        return updates;
    }

    /** x̂ of the last training pass, [batch, size] (live buffer), or null. */
    public INDArray lastNormalised() {
        return lastNormalised;
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, size, toString());
        int rows = Shapes.rows(x);
        INDArray y = output.get(rows);
        FloatBuffer xs = Buffers.of(x);
        FloatBuffer ys = Buffers.of(y);
        FloatBuffer g = Buffers.of(gamma);
        FloatBuffer b = Buffers.of(beta);
        if (mode == Mode.PREDICT) {
            // y = x·scale + shift with scale = γ/√(running σ² + ε), shift = β − running μ·scale
            for (int j = 0; j < size; j++) {
                double scale = g.get(j) / Math.sqrt(runningVariance[j] + EPSILON);
                acc1[j] = scale;
                acc2[j] = b.get(j) - runningMean[j] * scale;
            }
            for (int r = 0, k = 0; r < rows; r++) {
                for (int j = 0; j < size; j++, k++) {
                    ys.put(k, (float) (xs.get(k) * acc1[j] + acc2[j]));
                }
            }
            return y;
        }
        if (rows < 2) {
            throw new IllegalArgumentException("BatchNorm in training mode got a batch of " + rows + " row: the batch"
                    + " variance of one example is 0 and its unbiased estimate undefined. Train with batches of ≥ 2"
                    + " (choose a batch size that leaves no last batch of 1), or predict with Mode.PREDICT.");
        }
        java.util.Arrays.fill(acc1, 0.0);
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < size; j++, k++) {
                acc1[j] += xs.get(k);
            }
        }
        for (int j = 0; j < size; j++) {
            mean[j] = acc1[j] / rows;
        }
        java.util.Arrays.fill(acc2, 0.0);
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < size; j++, k++) {
                double d = xs.get(k) - mean[j];
                acc2[j] += d * d;
            }
        }
        double keep = momentum;
        double learn = 1.0 - momentum;
        for (int j = 0; j < size; j++) {
            double variance = acc2[j] / rows;
            invStd[j] = 1.0 / Math.sqrt(variance + EPSILON);
            runningMean[j] = keep * runningMean[j] + learn * mean[j];
            runningVariance[j] = keep * runningVariance[j] + learn * acc2[j] / (rows - 1);
        }
        updates++;
        INDArray h = normalised.get(rows);
        FloatBuffer hs = Buffers.of(h);
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < size; j++, k++) {
                float xhat = (float) ((xs.get(k) - mean[j]) * invStd[j]);
                hs.put(k, xhat);
                ys.put(k, g.get(j) * xhat + b.get(j));
            }
        }
        lastNormalised = h;
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (lastNormalised == null) {
            throw new IllegalStateException("BatchNorm.backward before forward: run a training-mode forward pass first");
        }
        Shapes.requireSameShape(dy, lastNormalised, "BatchNorm.backward");
        int rows = Shapes.rows(dy);
        FloatBuffer dys = Buffers.of(dy);
        FloatBuffer hs = Buffers.of(lastNormalised);
        java.util.Arrays.fill(acc1, 0.0);
        java.util.Arrays.fill(acc2, 0.0);
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < size; j++, k++) {
                double d = dys.get(k);
                acc1[j] += d;
                acc2[j] += d * hs.get(k);
            }
        }
        FloatBuffer db = Buffers.of(betaGrad);
        FloatBuffer dg = Buffers.of(gammaGrad);
        for (int j = 0; j < size; j++) {
            db.put(j, (float) acc1[j]);
            dg.put(j, (float) acc2[j]);
        }
        if (!inputGradient) {
            return null;
        }
        FloatBuffer g = Buffers.of(gamma);
        INDArray dx = inputGrad.get(rows);
        FloatBuffer dxs = Buffers.of(dx);
        double invRows = 1.0 / rows;
        for (int j = 0; j < size; j++) {
            // acc1, acc2 become the per-feature means of dy and dy·x̂
            acc1[j] *= invRows;
            acc2[j] *= invRows;
            factor[j] = g.get(j) * invStd[j];
        }
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < size; j++, k++) {
                dxs.put(k, (float) (factor[j] * (dys.get(k) - acc1[j] - hs.get(k) * acc2[j])));
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("gamma", gamma, gammaGrad), new Param("beta", beta, betaGrad));
    }

    @Override
    public String toString() {
        return "BatchNorm(" + size + ", momentum " + momentum + ")";
    }
}
