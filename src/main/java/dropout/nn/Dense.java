package dropout.nn;

import dropout.core.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fully connected layer: Y = X · W + b, X [batch, in], W [in, out], b [1, out].
 * Backward: dW = Xᵀ · dY, db = column sums of dY, dX = dY · Wᵀ.
 */
public final class Dense extends FullyConnected {

    public Dense(int in, int out, Init init, Rng rng) {
        super(in, out, init, rng, "Dense");
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        return affine(x, weights, bias, 1f, true);
    }

    @Override
    public String toString() {
        return "Dense(" + in + " → " + out + ")";
    }
}
