package dropout.arrays;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Preallocated {@code [rows, cols]} buffers, one per batch size seen (a training run sees two: the full
 * batch and the last, shorter one; evaluation perhaps a third).
 */
public final class Scratch {
    private final int cols;
    private final Map<Integer, INDArray> byRows = new HashMap<>();

    public Scratch(int cols) {
        this.cols = cols;
    }

    public INDArray get(int rows) {
        return byRows.computeIfAbsent(rows, r -> Buffers.matrix(r, cols));
    }
}
