package dropout.measure;

import dropout.report.Named;
import dropout.report.Report;
import dropout.report.Table;
import java.util.Objects;

/**
 * A stochastic layer's Monte-Carlo moments ({@link UnitMoments}) set against the formulas for every unit, as
 * notebook 5 prints them: one unit's mean and variance beside their formulas, the largest deviation over all units
 * in standard errors, and the whole per-unit table for an appendix.
 *
 * @param name             the layer, as the printed lines name it ("Gaussian dropout")
 * @param moments          the Monte-Carlo moments
 * @param expectedMean     the formula for each unit's mean
 * @param expectedVariance the formula for each unit's variance
 */
public record MomentCheck(String name, UnitMoments moments, double[] expectedMean, double[] expectedVariance) {

    public MomentCheck {
        Objects.requireNonNull(name, "name: the layer's name, e.g. \"Gaussian dropout\"");
        Objects.requireNonNull(moments, "moments: UnitMoments.sample(...)");
        // largestError checks that there is one formula value per unit and says which array is short.
        moments.largestError(expectedMean, expectedVariance);
        expectedMean = expectedMean.clone();
        expectedVariance = expectedVariance.clone();
    }

    public static MomentCheck of(String name, UnitMoments moments, double[] expectedMean, double[] expectedVariance) {
        return new MomentCheck(name, moments, expectedMean, expectedVariance);
    }

    /** The largest |Monte-Carlo − formula| over every unit's mean and variance, in standard errors. */
    public double largestError() {
        return moments.largestError(expectedMean, expectedVariance);
    }

    /**
     * Two lines: "{name}: unit {u} mean m (formula f), variance v (formula g)" and
     * "{name}: largest |Monte-Carlo - formula| = e standard errors (n = N per unit)".
     */
    public String summary(int unit) {
        if (unit < 0 || unit >= moments.units()) {
            throw new IllegalArgumentException("unit = " + unit + ": the layer has units 0 to " + (moments.units() - 1));
        }
        return name + ": unit " + unit + " mean " + Report.number(moments.mean(unit), 4)
                + " (formula " + Report.number(expectedMean[unit], 4) + "), variance "
                + Report.number(moments.variance(unit), 4) + " (formula " + Report.number(expectedVariance[unit], 4) + ")\n"
                + name + ": largest |Monte-Carlo - formula| = " + Report.number(largestError(), 2)
                + " standard errors (n = " + Report.count(moments.samples()) + " per unit)";
    }

    /** Every unit: Monte-Carlo mean ± standard error and formula, the same for the variance (5 decimals). */
    public Table table() {
        Table t = Table.of("unit", "MC mean", "± std err", "formula", "MC variance", "± std err", "formula").decimals(5);
        for (int j = 0; j < moments.units(); j++) {
            t.row(j, moments.mean(j), moments.meanStdError(j), expectedMean[j], moments.variance(j),
                    moments.varianceStdError(j), expectedVariance[j]);
        }
        return t;
    }

    /** max over j of |estimate[j] − reference[j]|: how far a prediction rule lands from a Monte-Carlo reference. */
    public static double largestGap(double[] estimate, double[] reference) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(reference, "reference");
        if (estimate.length != reference.length || estimate.length == 0) {
            throw new IllegalArgumentException(estimate.length + " estimates for " + reference.length
                    + " reference values: give one value per unit, at least one");
        }
        double worst = 0;
        for (int j = 0; j < estimate.length; j++) {
            worst = Math.max(worst, Math.abs(estimate[j] - reference[j]));
        }
        return worst;
    }

    /**
     * max over j of |estimate[j] − mc mean[j]| / (its Monte-Carlo standard error): how many standard errors a
     * prediction rule lands from the Monte-Carlo reference at worst. Units whose standard error is 0 count only
     * when the gap is not 0 (then the result is infinite).
     */
    public static double largestStdErrorGap(double[] estimate, UnitMoments mc) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(mc, "mc: the Monte-Carlo moments the rule is measured against");
        requireUnits(estimate, mc);
        double worst = 0;
        for (int j = 0; j < estimate.length; j++) {
            worst = Math.max(worst, gapInStdErrors(estimate[j], mc, j));
        }
        return worst;
    }

    /**
     * Per unit: the Monte-Carlo mean with its standard error, then each named rule's value and its gap to the
     * Monte-Carlo mean in standard errors (signed: negative = the rule is below).
     */
    public static Table rulesTable(UnitMoments mc, Named<double[]> rules) {
        Objects.requireNonNull(mc, "mc: the Monte-Carlo moments the rules are measured against");
        Objects.requireNonNull(rules, "rules: Named.of(\"rule\", values)");
        String[] headers = new String[3 + 2 * rules.size()];
        headers[0] = "unit";
        headers[1] = "MC mean";
        headers[2] = "± std err";
        int c = 3;
        for (var e : rules.entrySet()) {
            requireUnits(e.getValue(), mc);
            headers[c++] = e.getKey();
            headers[c++] = "gap / s.e.";
        }
        Table t = Table.of(headers);
        for (int j = 0; j < mc.units(); j++) {
            Object[] row = new Object[headers.length];
            row[0] = j;
            row[1] = mc.mean(j);
            row[2] = mc.meanStdError(j);
            c = 3;
            for (double[] rule : rules.values()) {
                row[c++] = rule[j];
                row[c++] = mc.meanStdError(j) == 0 ? 0.0 : (rule[j] - mc.mean(j)) / mc.meanStdError(j);
            }
            t.row(row);
        }
        return t;
    }

    private static double gapInStdErrors(double estimate, UnitMoments mc, int j) {
        double gap = Math.abs(estimate - mc.mean(j));
        if (gap == 0) {
            return 0;
        }
        return gap / mc.meanStdError(j);
    }

    private static void requireUnits(double[] estimate, UnitMoments mc) {
        if (estimate.length != mc.units()) {
            throw new IllegalArgumentException(estimate.length + " values for " + mc.units()
                    + " units: give one value per unit of the Monte-Carlo moments");
        }
    }
}
