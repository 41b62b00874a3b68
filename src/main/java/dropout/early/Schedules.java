package dropout.early;

import dropout.core.DropoutRate;
import dropout.train.DropoutSchedule;
import dropout.report.Named;
import java.util.Map;
import java.util.Objects;

/**
 * The drop-rate schedules of Liu et al., "Dropout Reduces Underfitting" (ICML 2023), each a pure function
 * of the iteration, as in their {@code drop_scheduler.py}. Iterations count SGD updates over the whole run
 * from 0; the {@link dropout.train.Trainer} asks {@code at(t)} before update t and sets the rate on every
 * dropout layer. A cutoff is the first iteration of the second phase:
 * <pre>
 *   standard      p  p  p  p  p  p  p  p   (no cutoff)
 *   early         p  p  p  p  0  0  0  0   (cutoff = 4)
 *   early linear  p ⅔p ⅓p 0  0  0  0  0    (cutoff = 4: p → 0 over iterations 0..3)
 *   late          0  0  0  0  p  p  p  p   (cutoff = 4)
 * </pre>
 * The paper gives cutoffs in epochs ({@code cutoff_epoch × iterations per epoch}); so do the
 * three-argument factories here, e.g. {@code Schedules.early(DropoutRate.drop(0.1), 5, iterationsPerEpoch)}.
 * A cutoff of 0 is allowed (early = no dropout at all, late = standard); a negative one is rejected.
 * Each schedule's {@code toString()} is a short label for legends, e.g. {@code "early p=0.1 until 1175"}.
 */
public final class Schedules {
    private Schedules() {
    }

    /**
     * One named schedule, as the start of an ordered list of schedules for a study:
     * {@code Schedules.named("no dropout", Schedules.none()).and("early", early)}.
     */
    public static Named<DropoutSchedule> named(String name, DropoutSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule '" + name + "'");
        return Named.of(name, schedule);
    }

    /** No dropout at all (p = 0 throughout): the baseline the paper compares early dropout against. */
    public static Standard none() {
        return new Standard(DropoutRate.NONE);
    }

    /** Standard dropout: the same rate p at every iteration. */
    public static Standard standard(DropoutRate rate) {
        return new Standard(rate);
    }

    /** Early dropout, constant mode: p for iterations {@code 0 .. cutoff−1}, then 0. */
    public static Early early(DropoutRate rate, long cutoffIteration) {
        return new Early(rate, cutoffIteration);
    }

    /** Early dropout with the cutoff in epochs: {@code early(rate, cutoffEpochs × iterationsPerEpoch)}. */
    public static Early early(DropoutRate rate, int cutoffEpochs, int iterationsPerEpoch) {
        return new Early(rate, iterations(cutoffEpochs, iterationsPerEpoch));
    }

    /** Early dropout, linear mode: p decays linearly to 0 over iterations {@code 0 .. cutoff−1}, then 0 (see {@link EarlyLinear}). */
    public static EarlyLinear earlyLinear(DropoutRate rate, long cutoffIteration) {
        return new EarlyLinear(rate, cutoffIteration);
    }

    /** Linear early dropout with the cutoff in epochs. */
    public static EarlyLinear earlyLinear(DropoutRate rate, int cutoffEpochs, int iterationsPerEpoch) {
        return new EarlyLinear(rate, iterations(cutoffEpochs, iterationsPerEpoch));
    }

    /** Late dropout: 0 for iterations {@code 0 .. cutoff−1}, then p. */
    public static Late late(DropoutRate rate, long cutoffIteration) {
        return new Late(rate, cutoffIteration);
    }

    /** Late dropout with the cutoff in epochs. */
    public static Late late(DropoutRate rate, int cutoffEpochs, int iterationsPerEpoch) {
        return new Late(rate, iterations(cutoffEpochs, iterationsPerEpoch));
    }

    /**
     * Epochs → iterations: {@code epochs × iterationsPerEpoch}, the paper's {@code cutoff_epoch × niter_per_ep}.
     * Get iterations per epoch from {@code config.iterationsPerEpoch(train.size())} (235 for Fashion-MNIST's
     * 60,000 images at batch 256; the last batch of each epoch is short but counts as one iteration).
     */
    public static long iterations(int epochs, int iterationsPerEpoch) {
        if (epochs < 0) {
            throw new IllegalArgumentException("cutoff = " + epochs + " epochs is negative: a cutoff is the epoch at which "
                    + "the schedule switches, counted from 0. Give 0 or more (0 means the switch happens before training).");
        }
        if (iterationsPerEpoch < 1) {
            throw new IllegalArgumentException("iterationsPerEpoch = " + iterationsPerEpoch + ": an epoch has at least one "
                    + "iteration. Use config.iterationsPerEpoch(train.size()), e.g. 235 for 60,000 examples at batch 256.");
        }
        return (long) epochs * iterationsPerEpoch;
    }

    /** The drop probabilities {@code schedule.at(0 .. n−1)}, e.g. to draw a schedule before training with it. */
    public static double[] dropProbabilities(DropoutSchedule schedule, int n) {
        Objects.requireNonNull(schedule, "schedule");
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + ": ask for 0 or more iterations");
        }
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            p[t] = schedule.at(t).dropProbability();
        }
        return p;
    }

    /** {@link #dropProbabilities(DropoutSchedule, int)} of each named schedule, under its name: the series of a chart. */
    public static Named<double[]> dropProbabilities(Map<String, ? extends DropoutSchedule> schedules, int n) {
        Objects.requireNonNull(schedules, "schedules");
        Named<double[]> named = null;
        for (Map.Entry<String, ? extends DropoutSchedule> e : schedules.entrySet()) {
            double[] p = dropProbabilities(e.getValue(), n);
            named = named == null ? Named.of(e.getKey(), p) : named.and(e.getKey(), p);
        }
        if (named == null) {
            throw new IllegalArgumentException("no schedules: name at least one, e.g. Named.of(\"early\", Schedules.early(p, 5, perEpoch))");
        }
        return named;
    }

    static DropoutRate requireRate(DropoutRate rate) {
        return Objects.requireNonNull(rate, "rate: give a drop rate, e.g. DropoutRate.drop(0.1)");
    }

    static void requireCutoff(long cutoff, String schedule) {
        if (cutoff < 0) {
            throw new IllegalArgumentException(schedule + " cutoff = " + cutoff + " iterations is negative: the cutoff is the "
                    + "first iteration of the schedule's second phase, counted from 0. Give 0 or more, e.g. "
                    + "Schedules.iterations(cutoffEpochs, iterationsPerEpoch).");
        }
    }

    static void requireIteration(long iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration = " + iteration + ": iterations count updates from 0; "
                    + "a schedule has no rate before the first one");
        }
    }

    static String p(DropoutRate rate) {
        return "p=" + rate.dropProbability();
    }

    /** Standard dropout: p at every iteration (the paper's mode "standard"). */
    public record Standard(DropoutRate rate) implements DropoutSchedule {
        public Standard {
            requireRate(rate);
        }

        @Override
        public DropoutRate at(long iteration) {
            requireIteration(iteration);
            return rate;
        }

        @Override
        public String toString() {
            return rate.dropProbability() == 0.0 ? "no dropout" : "standard " + p(rate);
        }
    }

    /** Early dropout, constant mode: {@code at(t) = p} for {@code t < cutoff}, 0 for {@code t ≥ cutoff}. */
    public record Early(DropoutRate rate, long cutoff) implements DropoutSchedule {
        public Early {
            requireRate(rate);
            requireCutoff(cutoff, "early dropout");
        }

        @Override
        public DropoutRate at(long iteration) {
            requireIteration(iteration);
            return iteration < cutoff ? rate : DropoutRate.NONE;
        }

        @Override
        public String toString() {
            return "early " + p(rate) + " until " + cutoff;
        }
    }

    /**
     * Early dropout, linear mode, exactly the paper's {@code np.linspace(p, 0, cutoff)} followed by zeros.
     * For cutoff c ≥ 2: {@code at(t) = t · (−p / (c−1)) + p} for {@code 0 ≤ t < c−1} (numpy's own
     * arithmetic, so the values agree to the last bit), so {@code at(0) = p}, {@code at(c−1) = 0} exactly,
     * and {@code at(t) = 0} for every {@code t ≥ c}: the rate reaches 0 one iteration <em>before</em> the
     * cutoff, and each step lowers it by p/(c−1). For c = 1: {@code at(0) = p} (numpy's one-point linspace),
     * then 0. For c = 0: 0 throughout.
     */
    public record EarlyLinear(DropoutRate rate, long cutoff) implements DropoutSchedule {
        public EarlyLinear {
            requireRate(rate);
            requireCutoff(cutoff, "linear early dropout");
        }

        @Override
        public DropoutRate at(long iteration) {
            requireIteration(iteration);
            if (iteration >= cutoff || (iteration == cutoff - 1 && cutoff >= 2)) {
                return DropoutRate.NONE;
            }
            if (iteration == 0) {
                return rate;
            }
            double p = rate.dropProbability();
            double step = (0.0 - p) / (cutoff - 1);
            return DropoutRate.drop(iteration * step + p);
        }

        @Override
        public String toString() {
            return "early linear " + p(rate) + "→0 until " + cutoff;
        }
    }

    /** Late dropout: {@code at(t) = 0} for {@code t < cutoff}, p for {@code t ≥ cutoff}. */
    public record Late(DropoutRate rate, long cutoff) implements DropoutSchedule {
        public Late {
            requireRate(rate);
            requireCutoff(cutoff, "late dropout");
        }

        @Override
        public DropoutRate at(long iteration) {
            requireIteration(iteration);
            return iteration < cutoff ? DropoutRate.NONE : rate;
        }

        @Override
        public String toString() {
            return "late " + p(rate) + " from " + cutoff;
        }
    }
}
