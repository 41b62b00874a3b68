package dropout.arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Shape checks with messages that say what was expected. */
public final class Shapes {
    private Shapes() {
    }

    public static int rows(INDArray a) {
        return (int) a.size(0);
    }

    public static void requireMatrix(INDArray a, int cols, String who) {
        if (a.rank() != 2 || a.size(1) != cols) {
            throw new IllegalArgumentException(who + " expects input shaped [batch, " + cols + "], got "
                    + java.util.Arrays.toString(a.shape()) + ": reshape the batch to " + cols + " features per row");
        }
    }

    public static void requireSameShape(INDArray a, INDArray b, String who) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(who + ": gradient shape " + java.util.Arrays.toString(a.shape())
                    + " differs from the forward output shape " + java.util.Arrays.toString(b.shape())
                    + ": call backward with dLoss/dOutput of the last training-mode forward pass");
        }
    }
}
