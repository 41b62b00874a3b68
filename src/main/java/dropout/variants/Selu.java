package dropout.variants;

import dropout.arrays.Buffers;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SELU, the scaled exponential linear unit of self-normalising networks (Klambauer et al. 2017):
 * <pre>
 *   y  = λ·x                 for x &gt; 0
 *   y  = λ·α·(eˣ − 1)        for x ≤ 0          λ = 1.0507009873554804, α = 1.6732632423543772
 *   dy/dx = λ for x &gt; 0,   λ·α·eˣ = y + λ·α for x ≤ 0   (so the backward pass needs only y)
 * </pre>
 * λ and α are the values for which N(0, 1) inputs give outputs of mean 0 and variance 1, the fixed point that
 * keeps activations normalised through many layers, given LeCun-normal weights ({@link dropout.nn.Init#lecun()}).
 * Pair it with {@link AlphaDropout}, not with ordinary dropout, which would move the mean and variance off
 * that fixed point. {@code Mlp.sizes(...).init(Init.lecun()).activation(Selu::new)}.
 * <p>
 * Branch-free: y = λ·max(x, 0) + λα·(exp(min(x, 0)) − 1), computed in double and rounded once; the derivative
 * at x = 0 is taken as λ (the right-hand one).
 */
public final class Selu implements Layer {
    public static final double LAMBDA = 1.0507009873554804;
    public static final double ALPHA = 1.6732632423543772;
    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;
    private final int size;
    private final Scratch output;
    private final Scratch inputGrad;
    private INDArray lastOutput;

    public Selu(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Selu size = " + size + ": a layer needs at least 1 unit");
        }
        this.size = size;
        this.output = new Scratch(size);
        this.inputGrad = new Scratch(size);
    }

    /** SELU of one value (double precision), for checks and charts. */
    public static double selu(double x) {
        return x > 0 ? LAMBDA * x : LAMBDA_ALPHA * StrictMath.expm1(x);
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, size, toString());
        int rows = Shapes.rows(x);
        INDArray y = output.get(rows);
        FloatBuffer xs = Buffers.of(x);
        FloatBuffer ys = Buffers.of(y);
        int n = rows * size;
        for (int i = 0; i < n; i++) {
            float v = xs.get(i);
            ys.put(i, (float) (LAMBDA * Math.max(v, 0f) + LAMBDA_ALPHA * (StrictMath.exp(Math.min(v, 0f)) - 1.0)));
        }
        if (mode == Mode.TRAIN) {
            lastOutput = y;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (lastOutput == null) {
            throw new IllegalStateException("Selu.backward before forward: run a training-mode forward pass first");
        }
        Shapes.requireSameShape(dy, lastOutput, "Selu.backward");
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGrad.get(Shapes.rows(dy));
        FloatBuffer ys = Buffers.of(lastOutput);
        FloatBuffer dys = Buffers.of(dy);
        FloatBuffer dxs = Buffers.of(dx);
        int n = (int) dy.length();
        float la = (float) LAMBDA_ALPHA;
        float l = (float) LAMBDA;
        for (int i = 0; i < n; i++) {
            float y = ys.get(i);
            // negative = 1 when y < 0 (x < 0), else 0: the sign bit, no branch
            float negative = (float) (Float.floatToRawIntBits(y) >>> 31);
            float slope = l + negative * (Math.min(y, 0f) + la - l);
            dxs.put(i, dys.get(i) * slope);
        }
        return dx;
    }

    @Override
    public String toString() {
        return "SELU";
    }
}
