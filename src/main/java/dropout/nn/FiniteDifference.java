package dropout.nn;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A finite-difference gradient check: every entry of x is moved by ±ε in turn, the loss is recomputed,
 * and the slope (L(x + ε) − L(x − ε)) / 2ε is compared with the analytic gradient.
 * <p>
 * With ε = 1e-2 on float32 inputs, rounding and truncation stay near 1e-5 relative for smooth losses,
 * while a wrong sign, a missing factor or a transposed product gives relative errors of order 1; so
 * {@link #TOLERANCE} = 2e-3 separates right from wrong. The relative error of one entry is
 * |numeric − analytic| / max(|numeric| + |analytic|, 0.1): the floor keeps gradients near 0 from
 * dividing by nothing.
 *
 * @param entries          how many entries were checked
 * @param maxRelativeError the largest relative error over them
 * @param worst            the entry with that error
 * @param numeric          its finite-difference slope
 * @param analytic         its analytic gradient
 */
public record FiniteDifference(int entries, double maxRelativeError, int worst, double numeric, double analytic) {
    public static final double EPS = 1e-2;
    public static final double TOLERANCE = 2e-3;

    /** Checks {@code gradient} = dLoss/dx at x (x is restored afterwards). */
    public static FiniteDifference check(float[] x, float[] gradient, ToDoubleFunction<float[]> loss) {
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(loss, "loss");
        if (gradient == null || gradient.length != x.length) {
            throw new IllegalArgumentException("gradient has " + (gradient == null ? "no" : gradient.length)
                    + " entries but x has " + x.length + ": pass dLoss/dx, one entry per entry of x");
        }
        return run(x.length, i -> x[i], (i, v) -> x[i] = v, i -> gradient[i], () -> loss.applyAsDouble(x), EPS);
    }

    /** Checks {@code gradient} (same shape) = dLoss/dθ for a dense float array θ that {@code loss} reads. */
    public static FiniteDifference check(INDArray theta, INDArray gradient, DoubleSupplier loss) {
        return check(theta, gradient, loss, EPS);
    }

    /**
     * The same with another step: a smaller one where the loss is strongly curved (the truncation error grows
     * with the step squared times the third derivative), at the price of more float rounding (about 1e-7 |L| / step).
     */
    public static FiniteDifference check(INDArray theta, INDArray gradient, DoubleSupplier loss, double eps) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps = " + eps + ": the step must be finite and > 0; 1e-2 suits float32 inputs");
        }
        if (theta.length() != gradient.length()) {
            throw new IllegalArgumentException("gradient has " + gradient.length() + " entries but theta has "
                    + theta.length() + ": pass the gradient of the same array");
        }
        FloatBuffer t = Buffers.of(theta);
        float[] g = gradient.dup('c').data().asFloat();
        return run((int) theta.length(), t::get, t::put, i -> g[i], loss, eps);
    }

    private interface Get {
        float at(int i);
    }

    private interface Set {
        void at(int i, float v);
    }

    private interface Grad {
        double at(int i);
    }

    private static FiniteDifference run(int n, Get get, Set set, Grad grad, DoubleSupplier loss, double eps) {
        if (n == 0) {
            throw new IllegalArgumentException("nothing to check: x is empty");
        }
        double worstErr = -1;
        int worst = 0;
        double worstNumeric = 0;
        for (int i = 0; i < n; i++) {
            float original = get.at(i);
            float plus = (float) (original + eps);
            float minus = (float) (original - eps);
            set.at(i, plus);
            double lossPlus = loss.getAsDouble();
            set.at(i, minus);
            double lossMinus = loss.getAsDouble();
            set.at(i, original);
            double numeric = (lossPlus - lossMinus) / ((double) plus - minus);
            double a = grad.at(i);
            double err = Math.abs(numeric - a) / Math.max(Math.abs(numeric) + Math.abs(a), 0.1);
            if (!(err <= worstErr)) {
                worstErr = err;
                worst = i;
                worstNumeric = numeric;
            }
        }
        return new FiniteDifference(n, worstErr, worst, worstNumeric, grad.at(worst));
    }

    /** True when every entry's relative error is below {@link #TOLERANCE}. */
    public boolean passes() {
        return maxRelativeError < TOLERANCE;
    }

    @Override
    public String toString() {
        if (passes()) {
            return String.format(Locale.ROOT, "passes: largest relative error %.1e over %d entries", maxRelativeError,
                    entries);
        }
        return String.format(Locale.ROOT, "FAILS: largest relative error %.3f over %d entries (entry %d: numeric "
                + "%.4f, analytic %.4f)", maxRelativeError, entries, worst, numeric, analytic);
    }
}
