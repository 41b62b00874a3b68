package dropout.exercises;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Notebook 6's exercise: write the spread of one example, the standard deviation over T passes of the probability
 * p_t of its predicted class, √((1/T)·Σ_t (p_t − p̄)²), as {@code McPrediction} defines it. The check compares the
 * learner's function with that formula on a few fixed cases (one pass, passes that agree, passes that disagree)
 * and says which kind of case goes wrong.
 */
public final class SpreadCheck {
    private static final double[][] CASES = {
            {0.2, 0.6},
            {0.95, 0.55, 0.80, 0.30, 0.90},
            {0.1, 0.9, 0.5, 0.5, 0.2, 0.8, 0.4, 0.6, 0.3, 0.7},
            {0.7, 0.7, 0.7, 0.7},
            {0.9},
    };
    private static final double TOLERANCE = 1e-9;

    private SpreadCheck() {
    }

    public static Feedback check(ToDoubleFunction<double[]> spread) {
        Objects.requireNonNull(spread, "spread: a function probabilities -> number");
        for (double[] c : CASES) {
            double got = spread.applyAsDouble(c.clone());
            double want = reference(c);
            if (Double.isNaN(got) && c.length > 1) {
                return Feedback.notYet("your function returns NaN for " + c.length + " passes; compute the spread from"
                        + " the probabilities it is given.");
            }
            if (!(Math.abs(got - want) <= TOLERANCE)) {
                if (c.length == 1) {
                    return Feedback.notYet("with a single pass there is nothing to disagree about, yet your spread is "
                            + got + ". Which divisor do you use?");
                }
                if (want == 0) {
                    return Feedback.notYet("when all passes give the same probability your spread is " + got
                            + "; it should say they agree.");
                }
                double ratio = got / want;
                String hint = Math.abs(ratio * ratio - c.length / (c.length - 1.0)) < 1e-6
                        ? " Your values are consistently a little too large: compare your divisor with the formula's."
                        : Math.abs(got - want * want) < 1e-9 ? " Is that a variance rather than a standard deviation?" : "";
                return Feedback.notYet("for " + c.length + " passes your spread differs from the formula's." + hint);
            }
        }
        return Feedback.right("it matches √((1/T)·Σ (p_t − p̄)²) in every case, one pass included (spread 0).");
    }

    private static double reference(double[] p) {
        double mean = 0;
        for (double v : p) {
            mean += v;
        }
        mean /= p.length;
        double ss = 0;
        for (double v : p) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / p.length);
    }
}
