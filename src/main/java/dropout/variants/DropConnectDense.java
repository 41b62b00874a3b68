package dropout.variants;

import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.Mask;
import dropout.core.Rng;
import dropout.nn.Buffers;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Param;
import dropout.nn.RateAdjustable;
import dropout.nn.Scratch;
import dropout.nn.Shapes;
import java.nio.FloatBuffer;
import java.util.List;
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
public final class DropConnectDense implements StochasticLayer, RateAdjustable {
    private final int in;
    private final int out;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGrad;
    private final INDArray biasGrad;
    private final INDArray weightMask;
    private final INDArray biasMask;
    private final INDArray maskedWeights;
    private final INDArray maskedBias;
    private final Scratch output;
    private final Scratch inputGrad;
    private Dropout style;
    private Rng rng;
    private INDArray lastInput;
    private boolean lastWasIdentity;
    private float lastScale;

    /**
     * Weights are drawn first from {@code rng} with {@code init} (so they equal a {@link dropout.nn.Dense}'s built
     * from the same stream), masks then come from {@code rng.split()}.
     */
    public DropConnectDense(int in, int out, Dropout style, Init init, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("DropConnectDense(" + in + ", " + out + "): both sizes must be ≥ 1");
        }
        Objects.requireNonNull(init, "init: e.g. Init.d2l() or Init.he()");
        Objects.requireNonNull(rng, "rng: give the layer its own stream, e.g. Rng.seeded(seed).split()");
        this.style = Objects.requireNonNull(style, "style: InvertedDropout.drop(p) (scale 1/q in training) or VanillaDropout.drop(p) (scale q at prediction)");
        this.in = in;
        this.out = out;
        this.weights = Buffers.matrix(in, out);
        this.bias = Buffers.matrix(1, out);
        this.weightGrad = Buffers.matrix(in, out);
        this.biasGrad = Buffers.matrix(1, out);
        this.weightMask = Buffers.matrix(in, out);
        this.biasMask = Buffers.matrix(1, out);
        this.maskedWeights = Buffers.matrix(in, out);
        this.maskedBias = Buffers.matrix(1, out);
        this.output = new Scratch(out);
        this.inputGrad = new Scratch(in);
        init.fill(weights, rng);
        this.rng = rng.split();
    }

    /** For {@link Mlp#dense}: {@code .dense(DropConnectDense.factory(InvertedDropout.drop(0.5)))}. */
    public static Mlp.DenseFactory factory(Dropout style) {
        Objects.requireNonNull(style, "style: e.g. InvertedDropout.drop(0.5)");
        return (in, out, init, rng) -> new DropConnectDense(in, out, style, init, rng);
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    /** The live weight matrix W [in, out] (not a copy, never masked). */
    public INDArray weights() {
        return weights;
    }

    /** The live bias row b [1, out] (not a copy, never masked). */
    public INDArray bias() {
        return bias;
    }

    /** The dropout style: its rate, and where its scale goes. */
    public Dropout style() {
        return style;
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
        return lastInput != null && !lastWasIdentity ? weightMask : null;
    }

    /** The bias mask m [1, out] of the last training pass (live), or null when none was drawn. */
    public INDArray lastBiasMask() {
        return lastInput != null && !lastWasIdentity ? biasMask : null;
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, in, toString());
        int rows = Shapes.rows(x);
        INDArray y = output.get(rows);
        if (mode == Mode.PREDICT) {
            float t = style.predictScale();
            Nd4j.gemm(x, weights, y, false, false, t, 0.0);
            addScaledBias(Buffers.of(y), Buffers.of(bias), t, rows);
            return y;
        }
        float s = style.trainScale();
        lastScale = s;
        lastWasIdentity = style.rate().keepProbability() == 1.0 && s == 1f;
        INDArray w = weights;
        INDArray b = bias;
        if (!lastWasIdentity) {
            int n = in * out;
            FloatBuffer ws = Buffers.of(weights);
            FloatBuffer ms = Buffers.of(weightMask);
            FloatBuffer es = Buffers.of(maskedWeights);
            Mask.fill(ms, n, style.rate(), rng);
            for (int i = 0; i < n; i++) {
                es.put(i, ws.get(i) * ms.get(i) * s);
            }
            FloatBuffer bs = Buffers.of(bias);
            FloatBuffer bm = Buffers.of(biasMask);
            FloatBuffer be = Buffers.of(maskedBias);
            Mask.fill(bm, out, style.rate(), rng);
            for (int j = 0; j < out; j++) {
                be.put(j, bs.get(j) * bm.get(j) * s);
            }
            w = maskedWeights;
            b = maskedBias;
        }
        Nd4j.gemm(x, w, y, false, false, 1.0, 0.0);
        addScaledBias(Buffers.of(y), Buffers.of(b), 1f, rows);
        lastInput = x;
        return y;
    }

    private void addScaledBias(FloatBuffer y, FloatBuffer b, float scale, int rows) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < out; c++, k++) {
                y.put(k, y.get(k) + scale * b.get(c));
            }
        }
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (lastInput == null) {
            throw new IllegalStateException("DropConnectDense.backward before forward: run a training-mode forward pass first");
        }
        int rows = Shapes.rows(lastInput);
        Shapes.requireSameShape(dy, output.get(rows), "DropConnectDense.backward");
        Nd4j.gemm(lastInput, dy, weightGrad, true, false, 1.0, 0.0);
        FloatBuffer dys = Buffers.of(dy);
        FloatBuffer db = Buffers.of(biasGrad);
        for (int c = 0; c < out; c++) {
            db.put(c, 0f);
        }
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < out; c++, k++) {
                db.put(c, db.get(c) + dys.get(k));
            }
        }
        if (!lastWasIdentity) {
            float s = lastScale;
            FloatBuffer gw = Buffers.of(weightGrad);
            FloatBuffer ms = Buffers.of(weightMask);
            int n = in * out;
            for (int i = 0; i < n; i++) {
                gw.put(i, gw.get(i) * ms.get(i) * s);
            }
            FloatBuffer bm = Buffers.of(biasMask);
            for (int c = 0; c < out; c++) {
                db.put(c, db.get(c) * bm.get(c) * s);
            }
        }
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGrad.get(rows);
        Nd4j.gemm(dy, lastWasIdentity ? weights : maskedWeights, dx, false, true, 1.0, 0.0);
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("W", weights, weightGrad), new Param("b", bias, biasGrad));
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
        addScaledBias(Buffers.of(mean), Buffers.of(bias), (float) (s * q), rows);
        Nd4j.gemm(x2, w2, var, false, false, s * s * p * q, 0.0);
        FloatBuffer b2 = Buffers.of(Buffers.matrix(1, out));
        square(Buffers.of(bias), b2, out);
        addScaledBias(Buffers.of(var), b2, (float) (s * s * p * q), rows);
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
    static double normalCdf(double z) {
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
