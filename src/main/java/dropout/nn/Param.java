package dropout.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A learnable array and the gradient of the loss with respect to it (same shape, overwritten by each backward pass). */
public record Param(String name, INDArray value, INDArray gradient) {

    /** How many gradient entries are exactly 0 (a dropped unit's weights get exactly 0, not merely small). */
    public long exactZeroGradients() {
        float[] g = gradient.dup('c').data().asFloat();
        long n = 0;
        for (float v : g) {
            if (v == 0f) {
                n++;
            }
        }
        return n;
    }
}
