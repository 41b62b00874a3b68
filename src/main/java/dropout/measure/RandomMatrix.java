package dropout.measure;

import dropout.core.Rng;
import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * numpy's {@code np.random.randn(rows, cols)} and {@code np.random.rand(rows, cols)} (torch.rand) from the
 * project's {@link Rng}: float matrices of independent draws in row-major order, so the same seed gives the
 * same matrix.
 */
public final class RandomMatrix {
    private RandomMatrix() {
    }

    /** Independent N(0, 1) values, like {@code np.random.randn(rows, cols)}. */
    public static INDArray normal(Rng rng, int rows, int cols) {
        java.util.Objects.requireNonNull(rng, "rng: pass Rng.seeded(seed)");
        return fill(rows, cols, rng::gaussian, "normal");
    }

    /** Independent uniform values in [0, 1), like {@code torch.rand(rows, cols)}. */
    public static INDArray uniform(Rng rng, int rows, int cols) {
        java.util.Objects.requireNonNull(rng, "rng: pass Rng.seeded(seed)");
        return fill(rows, cols, rng::uniform, "uniform");
    }

    private static INDArray fill(int rows, int cols, DoubleSupplier draw, String name) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("RandomMatrix." + name + "(rng, " + rows + ", " + cols
                    + "): both sizes must be ≥ 1, e.g. RandomMatrix." + name + "(rng, 4, 3)");
        }
        INDArray m = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(m);
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            b.put(i, (float) draw.getAsDouble());
        }
        return m;
    }
}
