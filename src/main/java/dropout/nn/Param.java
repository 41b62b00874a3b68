package dropout.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A learnable array and the gradient of the loss with respect to it (same shape, overwritten by each backward pass). */
public record Param(String name, INDArray value, INDArray gradient) {
}
