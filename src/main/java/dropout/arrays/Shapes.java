package dropout.arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Shape checks with messages that say what was expected. */
public final class Shapes {
    private Shapes() {
    }

    public static int rows(INDArray a) {
        return (int) a.size(0);
    }

    /** A batch {@code [rows ≥ 1, cols]} of FLOAT values: the only input a layer's buffers and products accept. */
    public static void requireMatrix(INDArray a, int cols, String who) {
        if (a.rank() != 2 || a.size(1) != cols) {
            throw new IllegalArgumentException(who + " expects input shaped [batch, " + cols + "], got "
                    + java.util.Arrays.toString(a.shape()) + ": reshape the batch to " + cols + " features per row");
        }
        if (a.size(0) < 1) {
            throw new IllegalArgumentException(who + " got a batch of 0 rows (shape " + java.util.Arrays.toString(a.shape())
                    + "): a batch needs at least 1 row; pass at least one example");
        }
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException(who + " got a " + a.dataType() + " array: the library computes in FLOAT"
                    + " (32-bit); convert the batch first with x.castTo(DataType.FLOAT)");
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
