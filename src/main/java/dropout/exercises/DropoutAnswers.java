package dropout.exercises;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Mask;
import dropout.core.Rng;
import dropout.measure.RunningMoments;
import dropout.nn.FiniteDifference;
import java.util.Locale;

/**
 * Check-your-answer cells for the exercises of notebooks 1 and 2. Each method takes the learner's value,
 * says whether it is right and why, and never prints the answer itself; {@code Double.NaN} (the value the
 * notebooks ship with) gets a "not yet" hint instead of an error.
 */
public final class DropoutAnswers {
    private DropoutAnswers() {
    }

    /**
     * Notebook 1: the factor by which inverted dropout's backward pass multiplies {@code dout · mask}, for
     * drop probability {@code dropProbability}. Checked by finite differences on a 3 × 4 example.
     */
    public static Feedback backwardScale(double dropProbability, double yourScale) {
        DropoutRate rate = DropoutRate.drop(dropProbability);
        if (Double.isNaN(yourScale)) {
            return Feedback.notYet("replace Double.NaN with the factor your backward pass multiplies dout * mask by, "
                    + "then run this cell again");
        }
        if (rate.keepProbability() == 0) {
            return Feedback.notYet("at p = 1 every unit is dropped, so dout * mask is 0 whatever the factor; try p < 1");
        }
        Rng rng = Rng.seeded(20);
        float[] mask = Mask.sample(rate, rng, 3, 4).data().asFloat();
        float[] x = new float[12];
        float[] c = new float[12];
        for (int i = 0; i < 12; i++) {
            x[i] = (float) rng.uniform();
            c[i] = (float) rng.gaussian();
            if (i < 2) {
                mask[i] = 1f; // at least two kept units, so the check has something to see
            }
        }
        float scale = new InvertedDropout(rate).trainScale();
        float[] grad = new float[12];
        for (int i = 0; i < 12; i++) {
            grad[i] = (float) (c[i] * mask[i] * yourScale);
        }
        FiniteDifference check = FiniteDifference.check(x, grad, v -> {
            double loss = 0;
            for (int i = 0; i < 12; i++) {
                loss += c[i] * v[i] * mask[i] * scale;
            }
            return loss;
        });
        if (check.passes()) {
            return Feedback.right("with factor " + yourScale + " the finite-difference check " + check);
        }
        return Feedback.notYet(String.format(Locale.ROOT, "the finite-difference check fails (largest relative error "
                + "%.2f). Hint: the backward pass must scale each kept unit's gradient by exactly what the forward "
                + "pass scaled that unit by.", check.maxRelativeError()));
    }

    /**
     * Notebook 2: Var[h'] for inverted dropout with drop probability p applied to the constant h, checked
     * against 1,000,000 Monte-Carlo samples (right within 4 standard errors of the variance estimate, or 1 %).
     */
    public static Feedback invertedVariance(double h, double dropProbability, double yourVariance) {
        DropoutRate rate = DropoutRate.drop(dropProbability);
        if (Double.isNaN(yourVariance)) {
            return Feedback.notYet("replace Double.NaN with your Var[h'] for h = " + h + ", p = " + dropProbability
                    + ", then run this cell again");
        }
        int n = 1_000_000;
        RunningMoments mc = RunningMoments.of(new InvertedDropout(rate), h, new long[] {n}, 21);
        double q = rate.keepProbability();
        double exact = q == 0 ? 0 : h * h * (1 - q) / q;
        // Var of the sample variance of a two-point distribution: (μ4 − σ⁴) / n, with μ4 from the formula.
        double mu4 = q == 0 ? 0 : StrictMath.pow(h, 4) * (1 - q) * (1 - 3 * q + 3 * q * q) / (q * q * q);
        double tolerance = Math.max(4 * Math.sqrt(Math.max(mu4 - exact * exact, 0) / n), 0.01 * Math.abs(exact));
        double measured = mc.finalVariance();
        if (Math.abs(yourVariance - measured) <= tolerance + 1e-12) {
            return Feedback.right(String.format(Locale.ROOT, "1,000,000 samples give a variance of %.4f, within %.4f of yours",
                    measured, Math.abs(yourVariance - measured)));
        }
        return Feedback.notYet("1,000,000 samples put the variance " + (yourVariance > measured ? "below" : "above")
                + " your value by far more than sampling noise. Hint: Var[h'] = E[h'^2] - E[h']^2, and h' takes "
                + "only two values.");
    }
}
