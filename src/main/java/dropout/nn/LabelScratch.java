package dropout.nn;

import java.util.HashMap;
import java.util.Map;

/**
 * Preallocated label arrays, one per batch size seen, so a training or evaluation loop hands
 * {@link SoftmaxCrossEntropy} exactly one label per row (the last, shorter batch gets its own array).
 */
public final class LabelScratch {
    private final Map<Integer, int[]> byRows = new HashMap<>();

    public int[] get(int rows) {
        return byRows.computeIfAbsent(rows, int[]::new);
    }
}
