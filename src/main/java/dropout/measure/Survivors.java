package dropout.measure;

import dropout.arrays.FloatArrays;
import dropout.report.Report;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a dropout pass did to its input, measured from input and output alone: how many entries survived
 * (non-zero output), and the factor output / input on the survivors (smallest and largest).
 * Input entries that are exactly 0 are ignored, since they say nothing about the mask.
 */
public record Survivors(long kept, long total, double smallestScale, double largestScale) {

    public static Survivors of(INDArray input, INDArray output) {
        float[] x = input.dup('c').data().asFloat();
        float[] y = output.dup('c').data().asFloat();
        if (x.length != y.length) {
            throw new IllegalArgumentException("Survivors.of: input has " + x.length + " entries, output " + y.length
                    + ": pass the input and the output of the same dropout pass");
        }
        if (FloatArrays.nanCount(y) > 0) {
            throw new IllegalArgumentException("Survivors.of: the output holds " + FloatArrays.nanCount(y)
                    + " NaN entries, so no scale can be read from it: check the pass for 0 * infinity");
        }
        long kept = 0;
        long total = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0f) {
                continue;
            }
            total++;
            if (y[i] != 0f) {
                kept++;
                double s = (double) y[i] / x[i];
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
        }
        return kept == 0 ? new Survivors(0, total, Double.NaN, Double.NaN) : new Survivors(kept, total, lo, hi);
    }

    /** "kept 6 of 12, each x 2.00", or "kept 0 of 12: all 0". */
    @Override
    public String toString() {
        if (kept == 0) {
            return "kept 0 of " + total + ": all 0";
        }
        String scale = Math.abs(largestScale - smallestScale) <= 1e-6 * Math.abs(largestScale)
                ? Report.number(largestScale, 2)
                : Report.number(smallestScale, 2) + " to " + Report.number(largestScale, 2);
        return "kept " + kept + " of " + total + ", each x " + scale;
    }
}
