package dropout.exercises;

import dropout.early.Schedules;

import dropout.core.DropoutRate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/** Check-your-answer helpers for the early-dropout exercises: they say whether an answer is right, and where not, why. */
public final class ScheduleCheck {
    private ScheduleCheck() {
    }

    /**
     * Compares {@code yours}, a drop rate for every update t, with linear early dropout at rate {@code p} and cutoff
     * {@code cutoff} ≥ 3 ({@link Schedules#earlyLinear}) at updates 0, 1, the middle, cutoff − 2, cutoff − 1, cutoff and
     * 2 × cutoff. Right, or not yet naming the first update where the two disagree.
     */
    public static Feedback linearEarly(LongToDoubleFunction yours, double p, long cutoff) {
        Objects.requireNonNull(yours, "yours: a function t -> drop rate at update t");
        if (cutoff < 3) {
            throw new IllegalArgumentException("cutoff = " + cutoff + ": use a cutoff of at least 3 updates, so that the "
                    + "check has a middle to look at");
        }
        Schedules.EarlyLinear schedule = Schedules.earlyLinear(DropoutRate.drop(p), cutoff);
        long[] at = {0, 1, cutoff / 2, cutoff - 2, cutoff - 1, cutoff, 2 * cutoff};
        for (long t : at) {
            double want = schedule.at(t).dropProbability();
            double got = yours.applyAsDouble(t);
            if (Double.isNaN(got)) {
                return Feedback.notYet("at update " + t + " your function gives NaN; write the rate as a formula in t");
            }
            if (Math.abs(got - want) > 1e-9) {
                String why = t == 0 ? "the schedule starts at the full rate p"
                        : t >= cutoff - 1 ? "look at where the rate reaches 0: numpy's linspace(p, 0, cutoff) has cutoff points"
                        : "check the step between two updates: cutoff points from p down to 0";
                return Feedback.notYet(String.format(Locale.ROOT, "at update %d you give %.5f, the schedule %.5f (%s)", t, got, want, why));
            }
        }
        return Feedback.right("your rate matches linear early dropout at updates " + Arrays.toString(at)
                + ": it starts at p, falls by the same step each update and is 0 from update cutoff - 1 on");
    }
}
