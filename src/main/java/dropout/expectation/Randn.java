package dropout.expectation;

import dropout.core.Rng;
import dropout.nn.Buffers;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * numpy's {@code np.random.randn(rows, cols)} from the project's {@link Rng}: a float matrix of
 * independent N(0, 1) values, drawn in row-major order, so the same seed gives the same matrix.
 */
public final class Randn {
    private Randn() {
    }

    public static INDArray matrix(Rng rng, int rows, int cols) {
        java.util.Objects.requireNonNull(rng, "rng: pass Rng.seeded(seed)");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Randn.matrix(" + rows + ", " + cols
                    + "): both sizes must be ≥ 1, e.g. Randn.matrix(rng, 4, 3)");
        }
        INDArray m = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(m);
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            b.put(i, (float) rng.gaussian());
        }
        return m;
    }
}
