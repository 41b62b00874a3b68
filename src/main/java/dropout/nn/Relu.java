package dropout.nn;

import dropout.arrays.Buffers;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ReLU: y = max(0, x); dx = dy where x > 0, else 0. */
public final class Relu implements Layer {
    private final int size;
    private final Scratch output;
    private final Scratch inputGrad;
    private INDArray lastOutput;

    public Relu(int size) {
        this.size = size;
        this.output = new Scratch(size);
        this.inputGrad = new Scratch(size);
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, size, "ReLU(" + size + ")");
        INDArray y = output.get(Shapes.rows(x));
        FloatBuffer xs = Buffers.of(x);
        FloatBuffer ys = Buffers.of(y);
        int n = (int) x.length();
        for (int i = 0; i < n; i++) {
            ys.put(i, Math.max(xs.get(i), 0f));
        }
        lastOutput = y;
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (lastOutput == null) {
            throw new IllegalStateException("Relu.backward before forward: run a training-mode forward pass first");
        }
        Shapes.requireSameShape(dy, lastOutput, "Relu.backward");
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGrad.get(Shapes.rows(dy));
        FloatBuffer ys = Buffers.of(lastOutput);
        FloatBuffer dys = Buffers.of(dy);
        FloatBuffer dxs = Buffers.of(dx);
        int n = (int) dy.length();
        for (int i = 0; i < n; i++) {
            dxs.put(i, Float.intBitsToFloat(Float.floatToRawIntBits(dys.get(i)) & positiveMask(ys.get(i))));
        }
        return dx;
    }

    /**
     * All ones bits when y > 0, else zero, for y ≥ 0 (a ReLU output). Branch-free: with half the units
     * negative a branch mispredicts half the time and the loop runs 3–4× slower.
     */
    private static int positiveMask(float y) {
        int bits = Float.floatToRawIntBits(y);
        return (bits | -bits) >> 31;
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
