package dropout.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a network, on mini-batches shaped {@code [batch, features]}.
 * <p>
 * Arrays a layer returns are its own preallocated buffers (one per batch size), valid until its next
 * call: copy with {@code dup()} to keep one. This is what keeps training free of per-step allocation.
 */
public interface Layer {

    /** Output for {@code input}; in {@link Mode#TRAIN} the layer remembers what its backward pass needs. */
    INDArray forward(INDArray input, Mode mode);

    /**
     * Given dLoss/dOutput of the last training-mode forward pass, sets the parameter gradients and returns
     * dLoss/dInput, or {@code null} when {@code inputGradient} is false (the first layer needs none).
     */
    INDArray backward(INDArray gradOutput, boolean inputGradient);

    /** Learnable parameters with their gradients; empty for parameter-free layers. */
    default List<Param> params() {
        return List.of();
    }
}
