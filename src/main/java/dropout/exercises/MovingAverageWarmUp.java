package dropout.exercises;

import java.util.Locale;

/** How many batches a moving average started at 0 needs before it reaches a given fraction of a steady value. */
public final class MovingAverageWarmUp {
    private MovingAverageWarmUp() {
    }

    /** The fewest updates t with momentumᵗ ≤ 1 − fraction (up to rounding: 1 − 0.9 reaches 0.1). */
    static int batchesToReach(double fraction, double momentum) {
        int t = 0;
        double weightOfStart = 1;
        while (weightOfStart > (1 - fraction) * (1 + 1e-12)) {
            weightOfStart *= momentum;
            t++;
        }
        return t;
    }

    /**
     * Checks the learner's count of training batches after which a moving average that started at 0, updated as
     * running ← momentum·running + (1 − momentum)·v with the same v every batch, first reaches {@code fraction} of v.
     */
    public static Feedback check(double fraction, double momentum, int answer) {
        if (!(fraction > 0 && fraction < 1) || !(momentum > 0 && momentum < 1)) {
            throw new IllegalArgumentException("fraction = " + fraction + ", momentum = " + momentum
                    + ": both must lie strictly between 0 and 1");
        }
        if (answer < 0) {
            return Feedback.notYet("replace the placeholder with your count of batches (a whole number ≥ 0)");
        }
        int right = batchesToReach(fraction, momentum);
        if (answer == right) {
            return Feedback.right(String.format(Locale.ROOT, "%d. After t batches the running value is (1 - %s^t)·v, and %s^%d"
                    + " = %.4f is the first power below %.4f.", right, momentum, momentum, right, StrictMath.pow(momentum, right),
                    1 - fraction));
        }
        return Feedback.notYet((answer < right ? "too few" : "too many") + ". Write the running value after 1, 2, 3"
                + " batches as a fraction of v; which power of the momentum is left over?");
    }
}
