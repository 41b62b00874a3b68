package dropout.variants;

import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.Mask;
import dropout.core.Rng;
import dropout.arrays.Buffers;
import dropout.nn.FullyConnected;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.arrays.Shapes;
import dropout.nn.StochasticLayer;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DropConnect (Wan et al. 2013): a fully connected layer whose individual weights, and biases, are dropped.
 * With X [batch, in], W [in, out], b [1, out], M ~ Bernoulli(q) of W's shape, m ~ Bernoulli(q) of b's shape,
 * and s, t the train and predict scales of a dropout style ({@link Dropout#trainScale()}, {@link Dropout#predictScale()}):
 * <pre>
 *   training:    Y = X · (s·M∗W) + s·m∗b          (Wan et al.: r = (M∗W)v + m∗b, per example v, with s = 1)
 *   prediction:  Y = t · (X · W + b)               (mean field: E_M[s·M∗W] = s·q·W)
 *   backward:    dW = s·M ∗ (Xᵀ·dY),  db = s·m ∗ Σ_rows dY,  dX = dY · (s·M∗W)ᵀ   (the forward pass's M, m)
 * </pre>
 * The scaling is the style's, explicitly: {@link dropout.core.InvertedDropout} (s = 1/q, t = 1, the usual choice
 * and the one used in the notebooks) keeps E[training pre-activation] = prediction pre-activation with nothing to
 * rescale at prediction; {@link dropout.core.VanillaDropout} (s = 1, t = q) is Wan et al.'s own convention.
 * Either way the pre-activation's mean is exact; the activation's mean is not (E[a(u)] ≠ a(E[u])), which is
 * the "mean-field" approximation Wan et al. improve on.
 * <p>
 * <b>One mask per mini-batch, not per example.</b> Wan et al. draw M for every example. That would make every
 * row of the batch a product with its own masked matrix: B matrix-vector products instead of one matrix product
 * (BLAS runs a product at many times the speed of a matrix-vector loop) and B·in·out random draws per step
 * (51 million for 784 → 256 at B = 256, against 131 thousand for plain dropout of two 256-unit layers). With one
 * mask per batch a step costs one mask of in·out draws and two element-wise passes over W, about what plain
 * dropout costs. The price: the examples of a batch share one thinned network, so the noise averages less
 * within a step; over many steps every weight is still dropped with probability p.
 * <p>
 * <b>Wan et al.'s inference by moment matching</b> (their Algorithm 2): u ~ N(E[u], Var[u]) per unit with
 * E[u] = s·q·(Wᵀv + b), Var[u] = s²·p·q·((W∗W)ᵀ(v∗v) + b∗b), then E[a(u)] averaged over samples. Not the layer's
 * prediction rule (its output would then depend on the activation that follows), but offered cheaply as
 * {@link #momentMatchedRelu(INDArray)}: one extra product and, for ReLU, the closed-form mean
 * E[relu(u)] = μ·Φ(μ/σ) + σ·φ(μ/σ), the limit of Wan et al.'s sample average as the samples grow.
 * <p>
 * Edges: p = 0 (with a style whose train scale is 1 there, as both styles have) is exactly {@link dropout.nn.Dense}:
 * no mask is drawn. p = 1 drops every weight and bias: the training output is 0 (inverted style: scale 0, never 1/0).
 */
public final class DropConnectDense extends FullyConnected implements StochasticLayer {
    private final INDArray weightMask;
    private final INDArray biasMask;
    private final INDArray maskedWeights;
    private final INDArray maskedBias;
    private Dropout style;
    private Rng rng;
    private boolean lastWasIdentity;
    private float lastScale;

    /**
     * Weights are drawn first from {@code rng} with {@code init} (so they equal a {@link dropout.nn.Dense}'s built
     * from the same stream), masks then come from {@code rng.split()}.
     */
    public DropConnectDense(int in, int out, Dropout style, Init init, Rng rng) {
        super(in, out, Objects.requireNonNull(init, "init: e.g. Init.d2l() or Init.he()"),
                Objects.requireNonNull(rng, "rng: give the layer its own stream, e.g. Rng.seeded(seed).split()"), "DropConnectDense");
        this.style = Objects.requireNonNull(style, "style: InvertedDropout.drop(p) (scale 1/q in training) or VanillaDropout.drop(p) (scale q at prediction)");
        this.weightMask = Buffers.matrix(in, out);
        this.biasMask = Buffers.matrix(1, out);
        this.maskedWeights = Buffers.matrix(in, out);
        this.maskedBias = Buffers.matrix(1, out);
        this.rng = rng.split();
    }

    /** For {@link Mlp#dense}: {@code .dense(DropConnectDense.factory(InvertedDropout.drop(0.5)))}. */
    public static Mlp.DenseFactory factory(Dropout style) {
        Objects.requireNonNull(style, "style: e.g. InvertedDropout.drop(0.5)");
        return (in, out, init, rng) -> new DropConnectDense(in, out, style, init, rng);
    }

    /** The dropout style: its rate, and where its scale goes. */
    @Override
    public Dropout style() {
        return style;
    }

    @Override
    public void setStyle(Dropout style) {
        this.style = Objects.requireNonNull(style, "style: e.g. InvertedDropout.drop(0.5)");
    }

    @Override
    public DropoutRate rate() {
        return style.rate();
    }

    @Override
    public void setRate(DropoutRate rate) {
        style = style.withRate(rate);
    }

    @Override
    public Rng swapRng(Rng replacement) {
        Rng old = rng;
        rng = Objects.requireNonNull(replacement, "replacement");
        return old;
    }

    /** The weight mask M [in, out] of the last training pass (live; {@code dup()} to keep), or null when none was drawn. */
    public INDArray lastWeightMask() {
        return trained() && !lastWasIdentity ? weightMask : null;
    }

    /** The bias mask m [1, out] of the last training pass (live), or null when none was drawn. */
    public INDArray lastBiasMask() {
        return trained() && !lastWasIdentity ? biasMask : null;
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        if (mode == Mode.PREDICT) {
            return affine(x, weights, bias, style.predictScale(), false);
        }
        Shapes.requireMatrix(x, in, toString());
        float s = style.trainScale();
        lastScale = s;
        lastWasIdentity = style.rate().keepProbability() == 1.0 && s == 1f;
        if (lastWasIdentity) {
            return affine(x, weights, bias, 1f, true);
        }
        masked(weights, weightMask, maskedWeights, in * out, s);
        masked(bias, biasMask, maskedBias, out, s);
        return affine(x, maskedWeights, maskedBias, 1f, true);
    }

    /** Draws a mask of n values into {@code mask} and writes {@code value · mask · s} into {@code into}. */
    private void masked(INDArray value, INDArray mask, INDArray into, int n, float s) {
        FloatBuffer vs = Buffers.of(value);
        FloatBuffer ms = Buffers.of(mask);
        FloatBuffer es = Buffers.of(into);
        Mask.fill(ms, n, style.rate(), rng);
        for (int i = 0; i < n; i++) {
            es.put(i, vs.get(i) * ms.get(i) * s);
        }
    }

    @Override
    protected void adjustGradients() {
        if (!lastWasIdentity) {
            scaleByMask(weightGrad, weightMask, in * out, lastScale);
            scaleByMask(biasGrad, biasMask, out, lastScale);
        }
    }

    private static void scaleByMask(INDArray grad, INDArray mask, int n, float s) {
        FloatBuffer g = Buffers.of(grad);
        FloatBuffer m = Buffers.of(mask);
        for (int i = 0; i < n; i++) {
            g.put(i, g.get(i) * m.get(i) * s);
        }
    }

    @Override
    protected INDArray weightsUsed() {
        return lastWasIdentity ? weights : maskedWeights;
    }

    /**
     * The mean and variance of each training-mode pre-activation over the masks, for a batch X (new arrays, a
     * notebook helper, not for the training loop): {@code [0]} E[u] = s·q·(X·W + b),
     * {@code [1]} Var[u] = s²·p·q·((X∗X)·(W∗W) + b∗b), each [batch, out]. These hold for per-example masks
     * (Wan et al.'s setting); with one mask per batch they are the moments of any one example.
     */
    public INDArray[] preActivationMoments(INDArray x) {
        Shapes.requireMatrix(x, in, toString());
        int rows = Shapes.rows(x);
        double p = style.rate().dropProbability();
        double q = style.rate().keepProbability();
        double s = style.trainScale();
        INDArray mean = Buffers.matrix(rows, out);
        INDArray var = Buffers.matrix(rows, out);
        INDArray x2 = Buffers.matrix(rows, in);
        INDArray w2 = Buffers.matrix(in, out);
        square(Buffers.of(x), Buffers.of(x2), rows * in);
        square(Buffers.of(weights), Buffers.of(w2), in * out);
        Nd4j.gemm(x, weights, mean, false, false, s * q, 0.0);
        addBias(Buffers.of(mean), Buffers.of(bias), (float) (s * q), rows, out);
        Nd4j.gemm(x2, w2, var, false, false, s * s * p * q, 0.0);
        FloatBuffer b2 = Buffers.of(Buffers.matrix(1, out));
        square(Buffers.of(bias), b2, out);
        addBias(Buffers.of(var), b2, (float) (s * s * p * q), rows, out);
        return new INDArray[] {mean, var};
    }

    private static void square(FloatBuffer a, FloatBuffer out, int n) {
        for (int i = 0; i < n; i++) {
            out.put(i, a.get(i) * a.get(i));
        }
    }

    /**
     * Wan et al.'s moment-matched prediction for a ReLU that follows this layer: per unit E[relu(u)] with
     * u ~ N(μ, σ²) from {@link #preActivationMoments}, in closed form μ·Φ(μ/σ) + σ·φ(μ/σ) (and relu(μ) where
     * σ = 0). A new [batch, out] array, already activated: a following {@link dropout.nn.Relu} leaves it unchanged.
     */
    public INDArray momentMatchedRelu(INDArray x) {
        INDArray[] m = preActivationMoments(x);
        FloatBuffer mu = Buffers.of(m[0]);
        FloatBuffer var = Buffers.of(m[1]);
        int n = (int) m[0].length();
        for (int i = 0; i < n; i++) {
            mu.put(i, (float) expectedRelu(mu.get(i), var.get(i)));
        }
        return m[0];
    }

    /** E[max(u, 0)] for u ~ N(mean, variance): μ·Φ(μ/σ) + σ·φ(μ/σ); max(μ, 0) at σ = 0. */
    public static double expectedRelu(double mean, double variance) {
        if (!(variance >= 0.0)) {
            throw new IllegalArgumentException("variance = " + variance + ": a variance must be ≥ 0");
        }
        if (variance == 0.0) {
            return Math.max(mean, 0.0);
        }
        double sd = Math.sqrt(variance);
        double z = mean / sd;
        return mean * normalCdf(z) + sd * StrictMath.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /**
     * Φ(z) = ½·erfc(−z/√2), with erfc from its Chebyshev-fitted form
     * erfc(x) ≈ t·exp(−x² − 1.26551223 + t·(1.00002368 + ...)), t = 1/(1 + x/2), x ≥ 0: relative error below 1.2e-7,
     * finer than float.
     */
    public static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * StrictMath.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
    }

    @Override
    public String toString() {
        return "DropConnectDense(" + in + " → " + out + ", " + style.getClass().getSimpleName() + " " + style.rate() + ")";
    }
}
