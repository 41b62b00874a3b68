package dropout.exercises;

import dropout.core.Rng;
import dropout.report.Report;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Notebook 5's exercise: write Gaussian dropout's multiplier ε from a standard normal draw g, so that h·ε has
 * inverted dropout's two moments at drop probability p (E[h·ε] = h, Var[h·ε] = h²·p/(1 − p)). The check draws
 * {@value #SAMPLES} values of g from a fixed seed, applies the learner's function and compares the sample mean
 * and variance of ε with 1 and p/(1 − p), each within 4 standard errors of its estimator (s/√n for the mean, s the sample standard deviation;
 * σ²·√(2/n) for the variance of a normal sample), so a right answer passes and a wrong mean or scale fails.
 */
public final class GaussianMultiplierCheck {
    public static final int SAMPLES = 200_000;
    private static final double Z = 4.0;

    private GaussianMultiplierCheck() {
    }

    public static Feedback check(DoubleUnaryOperator multiplier, double p) {
        Objects.requireNonNull(multiplier, "multiplier: a function g -> ε, e.g. g -> ...");
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p = " + p + ": Gaussian dropout needs a drop probability in (0, 1)");
        }
        double target = p / (1 - p);
        Rng rng = Rng.seeded(2014);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double e = multiplier.applyAsDouble(rng.gaussian());
            if (!Double.isFinite(e)) {
                return Feedback.notYet("the multiplier came out as " + e + "; return a finite number built from g"
                        + " (a standard normal draw) and p.");
            }
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / SAMPLES;
        double variance = Math.max(0, sumSq / SAMPLES - mean * mean);
        double meanTolerance = Z * Math.sqrt(variance / SAMPLES);
        double varianceTolerance = Z * target * Math.sqrt(2.0 / SAMPLES);
        String measured = "the mean of your ε is " + Report.number(mean, 4)
                + " and its variance " + Report.number(variance, 4) + " (" + Report.count(SAMPLES)
                + " draws)";
        boolean meanOk = Math.abs(mean - 1) <= meanTolerance;
        boolean varianceOk = Math.abs(variance - target) <= varianceTolerance;
        if (meanOk && varianceOk) {
            return Feedback.right(measured + ": h·ε keeps E = h and has inverted dropout's variance h²·p/(1 − p).");
        }
        if (!meanOk) {
            return Feedback.notYet(measured + ". In training h·ε must equal h on average, because prediction"
                    + " returns h unchanged: what must E[ε] be?");
        }
        return Feedback.notYet(measured + ". The mean is right; now match the variance of inverted dropout's"
                + " multiplier m/(1 − p) at p = " + p + ".");
    }
}
