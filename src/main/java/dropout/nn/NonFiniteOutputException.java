package dropout.nn;

import java.nio.FloatBuffer;
import dropout.arrays.Buffers;
import dropout.arrays.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's output held a NaN or infinite logit: that row is no prediction, so no accuracy, loss or
 * predicted class is reported for it. The message names the batch, the example and the value found.
 */
public final class NonFiniteOutputException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NonFiniteOutputException(String message) {
        super(message);
    }

    /**
     * For row {@code row} of {@code logits}, the batch numbered {@code batch} (from 1) holding the examples
     * {@code start .. start + rows − 1} of the data set {@code data}.
     */
    public static NonFiniteOutputException of(String who, INDArray logits, int row, int batch, int start, String data) {
        int cols = (int) logits.size(1);
        int rows = Shapes.rows(logits);
        FloatBuffer z = Buffers.of(logits);
        float bad = Float.NaN;
        for (int c = 0; c < cols; c++) {
            float v = z.get(row * cols + c);
            if (!Float.isFinite(v)) {
                bad = v;
                break;
            }
        }
        return new NonFiniteOutputException(who + ": the network's output is " + bad + " in row " + (start + row)
                + " of '" + data + "' (batch " + batch + ", examples " + start + ".." + (start + rows - 1) + "): a NaN or"
                + " infinite output is no prediction, so no figure is reported. Check that row's features for NaN or"
                + " infinite values; if they are finite, the weights have diverged: train again with a lower learning rate.");
    }
}
