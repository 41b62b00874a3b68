package dropout.measure;

import java.util.Locale;
import java.util.Objects;

/**
 * One number measured over several seeds: how many, their mean, their sample standard deviation
 * (divisor n − 1), and their range. With n = 1 the standard deviation is undefined: NaN.
 * {@code toString()} reads e.g. {@code "0.3674 ± 0.0068 (sd over 3 seeds; min 0.3632, max 0.3753)"}.
 *
 * @param n    number of seeds
 * @param mean arithmetic mean
 * @param sd   sample standard deviation, √(Σ(x − mean)² / (n − 1)); NaN for n = 1
 * @param min  smallest value
 * @param max  largest value
 */
public record SeedSpread(int n, double mean, double sd, double min, double max) {

    /** The spread of {@code values}, one per seed; at least one, all finite. */
    public static SeedSpread of(double... values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("no values: give one value per seed, at least one");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + i + " is " + v + ": every seed's value must be finite "
                        + "(did a run diverge?)");
            }
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int n = values.length;
        double mean = sum / n;
        double sd = Double.NaN;
        if (n > 1) {
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            sd = Math.sqrt(ss / (n - 1));
        }
        return new SeedSpread(n, mean, sd, min, max);
    }

    /** sd / √n: how far the mean itself may sit from the mean over infinitely many seeds (NaN for n = 1). */
    public double standardError() {
        return sd / Math.sqrt(n);
    }

    /**
     * Student's t of the mean against 0, mean / (sd / √n), with n − 1 degrees of freedom: for paired
     * differences, how many standard errors the mean difference lies from none. NaN for n = 1; ±∞ when every
     * value is the same non-zero number.
     */
    public double tStatistic() {
        return mean / standardError();
    }

    /** n − 1: the degrees of freedom of {@link #tStatistic()}. */
    public int degreesOfFreedom() {
        return n - 1;
    }

    /** max − min. */
    public double range() {
        return max - min;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f ± %.4f (sd over %d seeds; min %.4f, max %.4f)", mean, sd, n, min, max);
    }
}
