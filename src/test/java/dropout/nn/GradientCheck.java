package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences on float32 arrays: (f(θ + ε) − f(θ − ε)) / 2ε against the analytic gradient.
 * With ε = 1e-2 the truncation error is O(ε²·f''') and float32 rounding ≈ 1e-7·|f| / ε, so a relative
 * error below 2e-3 (with an absolute floor of 2e-4 for gradients near 0) separates correct from wrong:
 * a wrong sign, a missing factor or a transposed product gives errors of order 1.
 */
final class GradientCheck {
    static final double EPS = 1e-2;

    private GradientCheck() {
    }

    /** Checks {@code analytic} (same shape as {@code theta}) against f's numeric gradient, every element. */
    static void check(String what, INDArray theta, INDArray analytic, DoubleSupplier f) {
        FloatBuffer t = Buffers.of(theta);
        float[] expected = analytic.dup().data().asFloat();
        int n = (int) theta.length();
        for (int i = 0; i < n; i++) {
            float original = t.get(i);
            t.put(i, (float) (original + EPS));
            double plus = f.getAsDouble();
            t.put(i, (float) (original - EPS));
            double minus = f.getAsDouble();
            t.put(i, original);
            double numeric = (plus - minus) / (2 * EPS);
            double err = Math.abs(numeric - expected[i]) / Math.max(Math.abs(numeric) + Math.abs(expected[i]), 0.1);
            assertTrue(err < 2e-3, what + "[" + i + "]: numeric " + numeric + " vs analytic " + expected[i]);
        }
    }
}
