package dropout.nn;

import dropout.arrays.Buffers;
import dropout.arrays.Gemm;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every fully connected layer shares: W [in, out] and b [1, out] with their gradients, the output and
 * input-gradient buffers, and the backward pass dW = Xᵀ · dY, db = column sums of dY, dX = dY · W'ᵀ, where W' is
 * the matrix the forward pass used ({@link Dense}: W itself; DropConnect: the masked W).
 */
public abstract class FullyConnected implements Layer {
    protected final int in;
    protected final int out;
    protected final INDArray weights;
    protected final INDArray bias;
    protected final INDArray weightGrad;
    protected final INDArray biasGrad;
    private final Scratch output;
    private final Scratch inputGrad;
    private INDArray lastInput;

    /** Allocates the arrays and fills W, then b, from {@code rng} with {@code init} (b stays 0 unless the scheme fills it). */
    protected FullyConnected(int in, int out, Init init, Rng rng, String name) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(name + "(" + in + ", " + out + "): both sizes must be ≥ 1");
        }
        this.in = in;
        this.out = out;
        this.weights = Buffers.matrix(in, out);
        this.bias = Buffers.matrix(1, out);
        this.weightGrad = Buffers.matrix(in, out);
        this.biasGrad = Buffers.matrix(1, out);
        this.output = new Scratch(out);
        this.inputGrad = new Scratch(in);
        init.fill(weights, rng);
        init.fillBias(bias, in, rng);
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    /** The live weight matrix W [in, out] (not a copy). */
    public INDArray weights() {
        return weights;
    }

    /** The live bias row b [1, out] (not a copy). */
    public INDArray bias() {
        return bias;
    }

    /**
     * Y = scale · (X · w) + scale · b into the output buffer, remembering X for the backward pass when
     * {@code remember}.
     */
    protected final INDArray affine(INDArray x, INDArray w, INDArray b, float scale, boolean remember) {
        Shapes.requireMatrix(x, in, toString());
        int rows = Shapes.rows(x);
        INDArray y = output.get(rows);
        Gemm.product(x, w, y, false, false, scale);
        addBias(Buffers.of(y), Buffers.of(b), scale, rows, out);
        if (remember) {
            lastInput = x;
        }
        return y;
    }

    /** Whether a training-mode forward pass has run. */
    protected final boolean trained() {
        return lastInput != null;
    }

    /** The matrix the last training-mode forward pass multiplied by, for dX = dY · W'ᵀ. */
    protected INDArray weightsUsed() {
        return weights;
    }

    /** Called after dW and db are written, before dX: where a subclass changes the parameter gradients. */
    protected void adjustGradients() {
    }

    @Override
    public final INDArray backward(INDArray dy, boolean inputGradient) {
        String name = getClass().getSimpleName();
        if (lastInput == null) {
            throw new IllegalStateException(name + ".backward before forward: run a training-mode forward pass first");
        }
        int rows = Shapes.rows(lastInput);
        Shapes.requireSameShape(dy, output.get(rows), name + ".backward");
        Gemm.product(lastInput, dy, weightGrad, true, false, 1f);
        columnSums(Buffers.of(dy), Buffers.of(biasGrad), rows, out);
        adjustGradients();
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGrad.get(rows);
        Gemm.product(dy, weightsUsed(), dx, false, true, 1f);
        return dx;
    }

    /** {@code y[r][c] += scale · b[c]} over a [rows, cols] matrix. */
    protected static void addBias(FloatBuffer y, FloatBuffer b, float scale, int rows, int cols) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                y.put(k, y.get(k) + scale * b.get(c));
            }
        }
    }

    static void columnSums(FloatBuffer m, FloatBuffer sums, int rows, int cols) {
        for (int c = 0; c < cols; c++) {
            sums.put(c, 0f);
        }
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                sums.put(c, sums.get(c) + m.get(k));
            }
        }
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("W", weights, weightGrad), new Param("b", bias, biasGrad));
    }
}
