package dropout.nn;

import dropout.core.Rng;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fully connected layer: Y = X · W + b, X [batch, in], W [in, out], b [1, out].
 * Backward: dW = Xᵀ · dY, db = column sums of dY, dX = dY · Wᵀ.
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGrad;
    private final INDArray biasGrad;
    private final Scratch output;
    private final Scratch inputGrad;
    private INDArray lastInput;

    public Dense(int in, int out, Init init, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense(" + in + ", " + out + "): both sizes must be ≥ 1");
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

    /** The live weight matrix [in, out] (not a copy). */
    public INDArray weights() {
        return weights;
    }

    /** The live bias row [1, out] (not a copy). */
    public INDArray bias() {
        return bias;
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, in, "Dense(" + in + " → " + out + ")");
        int rows = Shapes.rows(x);
        INDArray y = output.get(rows);
        Nd4j.gemm(x, weights, y, false, false, 1.0, 0.0);
        addBias(Buffers.of(y), Buffers.of(bias), rows, out);
        lastInput = x;
        return y;
    }

    static void addBias(FloatBuffer y, FloatBuffer b, int rows, int cols) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                y.put(k, y.get(k) + b.get(c));
            }
        }
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (lastInput == null) {
            throw new IllegalStateException("Dense.backward before forward: run a training-mode forward pass first");
        }
        int rows = Shapes.rows(lastInput);
        Shapes.requireSameShape(dy, output.get(rows), "Dense.backward");
        Nd4j.gemm(lastInput, dy, weightGrad, true, false, 1.0, 0.0);
        columnSums(Buffers.of(dy), Buffers.of(biasGrad), rows, out);
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGrad.get(rows);
        Nd4j.gemm(dy, weights, dx, false, true, 1.0, 0.0);
        return dx;
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

    @Override
    public String toString() {
        return "Dense(" + in + " → " + out + ")";
    }
}
