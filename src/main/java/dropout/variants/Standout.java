package dropout.variants;

import dropout.core.DropoutRate;
import dropout.core.Mask;
import dropout.core.Rng;
import dropout.arrays.Buffers;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import dropout.nn.StochasticLayer;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Standout, or adaptive dropout (Ba &amp; Frey 2013): each unit's keep probability depends on the unit's own input.
 * Placed after a dense layer, on its pre-activation z = X·W + b, it replaces ReLU + dropout:
 * <pre>
 *   keep probability:  q_j = sigmoid(α·z_j + β)                  (per example and unit)
 *   training:          y_j = relu(z_j) · m_j,   m_j ~ Bernoulli(q_j)
 *   prediction:        y_j = relu(z_j) · q_j                     (the expected keep probability, vanilla-style)
 *   backward:          dz_j = dy_j · m_j · [z_j &gt; 0]            (the sampled m_j held fixed)
 * </pre>
 * In Ba &amp; Frey's terms the "standout network" computes q_j = f(Σᵢ π_ji·a_i) with its own weights π; tying them to
 * the layer's weights, π = α·W and a bias β (α, β fixed hyperparameters), makes that exactly sigmoid(α·z_j + β)
 * with the z the dense layer already computed: no extra product and no extra parameters. A unit that the data
 * drives strongly (large z) is kept almost surely; a weakly driven one is dropped often. α = 0 gives plain
 * (vanilla) dropout with keep probability sigmoid(β).
 * <p>
 * <b>Gradients and the stochastic mask.</b> The training-mode backward treats the sampled m as a constant, as
 * Ba &amp; Frey do: no gradient flows through the Bernoulli choice (a discrete sample has no derivative), so the
 * keep probabilities shape training only through which units are kept. The prediction output
 * relu(z)·sigmoid(α·z + β) is a deterministic, differentiable function of z,
 * d/dz = [z &gt; 0]·(q + α·z·q·(1 − q)), but this library only back-propagates training-mode passes.
 * <p>
 * {@link #lastKeepProbabilities()} holds the q of the last pass in either mode, for pictures.
 * Cost per unit: one exp (the sigmoid), one 32-bit draw compared with ⌊q·2³²⌋ (branch-free, as
 * {@link dropout.core.Mask}), a few multiplies: about plain dropout plus ReLU.
 */
public final class Standout implements StochasticLayer {
    private final int size;
    private final double alpha;
    private final double beta;
    private final Scratch output;
    private final Scratch keep;
    private final Scratch gate;
    private final Scratch mask;
    private final Scratch inputGrad;
    private Rng rng;
    private INDArray lastKeep;
    private INDArray lastGate;
    private INDArray lastMask;

    /** Keep probabilities sigmoid(alpha·z + beta); {@code rng} draws the masks. */
    public Standout(int size, double alpha, double beta, Rng rng) {
        if (size < 1) {
            throw new IllegalArgumentException("Standout size = " + size + ": a layer needs at least 1 unit");
        }
        check(alpha, beta);
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.rng = Objects.requireNonNull(rng, "rng: give the layer its own stream, e.g. Rng.seeded(seed).split()");
        this.output = new Scratch(size);
        this.keep = new Scratch(size);
        this.gate = new Scratch(size);
        this.mask = new Scratch(size);
        this.inputGrad = new Scratch(size);
    }

    /** For {@link Mlp#activation(Mlp.HiddenLayerFactory)}: {@code .activation(Standout.factory(1, 0))}. */
    public static Mlp.HiddenLayerFactory factory(double alpha, double beta) {
        check(alpha, beta);
        return (size, rng) -> new Standout(size, alpha, beta, rng);
    }

    private static void check(double alpha, double beta) {
        if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("Standout α = " + alpha + ", β = " + beta
                    + ": both must be finite numbers (α = 1, β = 0 is a neutral start; α = 0 is plain dropout with q = sigmoid(β))");
        }
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    /** The keep probability sigmoid(α·z + β) of one pre-activation. */
    public double keepProbability(double z) {
        return 1.0 / (1.0 + StrictMath.exp(-(alpha * z + beta)));
    }

    /** False: each unit's keep probability sigmoid(α·z + β) is its own, there is no one rate. */
    @Override
    public boolean hasRate() {
        return false;
    }

    @Override
    public DropoutRate rate() {
        throw new UnsupportedOperationException(noRate());
    }

    @Override
    public void setRate(DropoutRate rate) {
        throw new UnsupportedOperationException(noRate());
    }

    private String noRate() {
        return this + " has no single drop rate (each unit's keep probability is sigmoid(α·z + β)): check hasRate() first,"
                + " or change α and β by building another Standout";
    }

    @Override
    public Rng swapRng(Rng replacement) {
        Rng old = rng;
        rng = Objects.requireNonNull(replacement, "replacement");
        return old;
    }

    /** The keep probabilities q of the last pass, either mode, [batch, size] (live buffer; {@code dup()} to keep), or null. */
    public INDArray lastKeepProbabilities() {
        return lastKeep;
    }

    /**
     * The sampled mask m of the last training pass, 1 = kept, 0 = dropped, whatever z was (live buffer), or null.
     * Units with z &le; 0 output 0 whether kept or not; {@link #lastGate()} is m·[z &gt; 0].
     */
    public INDArray lastMask() {
        return lastMask;
    }

    /** The sampled mask m of the last training pass times [z &gt; 0], i.e. dy/dz (live buffer), or null. */
    public INDArray lastGate() {
        return lastGate;
    }

    @Override
    public INDArray forward(INDArray z, Mode mode) {
        Shapes.requireMatrix(z, size, toString());
        int rows = Shapes.rows(z);
        int n = rows * size;
        INDArray y = output.get(rows);
        INDArray q = keep.get(rows);
        FloatBuffer zs = Buffers.of(z);
        FloatBuffer ys = Buffers.of(y);
        FloatBuffer qs = Buffers.of(q);
        double a = alpha;
        double b = beta;
        if (mode == Mode.PREDICT) {
            for (int i = 0; i < n; i++) {
                float zi = zs.get(i);
                float qi = (float) (1.0 / (1.0 + StrictMath.exp(-(a * zi + b))));
                qs.put(i, qi);
                ys.put(i, Math.max(zi, 0f) * qi);
            }
            lastKeep = q;
            return y;
        }
        INDArray g = gate.get(rows);
        FloatBuffer gs = Buffers.of(g);
        INDArray mk = mask.get(rows);
        FloatBuffer ms = Buffers.of(mk);
        long bits = 0;
        for (int i = 0; i < n; i++) {
            float zi = zs.get(i);
            float qi = (float) (1.0 / (1.0 + StrictMath.exp(-(a * zi + b))));
            qs.put(i, qi);
            // two 32-bit draws per 64-bit word, as Mask.fill: keep when the draw is below ⌊q·2³²⌋
            long draw;
            if ((i & 1) == 0) {
                bits = rng.bits();
                draw = bits >>> 32;
            } else {
                draw = bits & 0xFFFFFFFFL;
            }
            float m = Mask.kept(draw, Mask.threshold(qi));
            ms.put(i, m);
            float r = Math.max(zi, 0f);
            ys.put(i, r * m);
            // m · [z > 0] without a branch: keep m's bits where r > 0 (r ≥ 0, so r | −r has its sign bit set iff r > 0)
            int rb = Float.floatToRawIntBits(r);
            gs.put(i, Float.intBitsToFloat(Float.floatToRawIntBits(m) & ((rb | -rb) >> 31)));
        }
        lastKeep = q;
        lastGate = g;
        lastMask = mk;
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (lastGate == null) {
            throw new IllegalStateException("Standout.backward before forward: run a training-mode forward pass first");
        }
        if (!inputGradient) {
            return null;
        }
        Shapes.requireSameShape(dy, lastGate, "Standout.backward");
        INDArray dx = inputGrad.get(Shapes.rows(dy));
        FloatBuffer dys = Buffers.of(dy);
        FloatBuffer gs = Buffers.of(lastGate);
        FloatBuffer dxs = Buffers.of(dx);
        int n = (int) dy.length();
        for (int i = 0; i < n; i++) {
            dxs.put(i, dys.get(i) * gs.get(i));
        }
        return dx;
    }

    @Override
    public String toString() {
        return "Standout(" + size + ", α = " + alpha + ", β = " + beta + ")";
    }
}
