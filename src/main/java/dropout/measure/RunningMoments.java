package dropout.measure;

import dropout.core.Dropout;
import dropout.core.Rng;
import dropout.core.Mask;
import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Monte-Carlo estimates of E[h'] and Var[h'] for one activation h under dropout, read at growing sample
 * counts: the law of large numbers, watched. {@code mean[k]} and {@code variance[k]} use the first
 * {@code counts[k]} samples.
 */
public record RunningMoments(double h, long[] counts, double[] mean, double[] variance) {

    /** Draws {@code counts[last]} training-mode outputs of {@code dropout} applied to the constant h. */
    public static RunningMoments of(Dropout dropout, double h, long[] counts, long seed) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("counts is empty: give the sample counts to report, e.g. 10, 100, ..., 1000000");
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 1 || (k > 0 && counts[k] <= counts[k - 1])) {
                throw new IllegalArgumentException("counts " + Arrays.toString(counts) + ": they must be ≥ 1 and strictly increasing");
            }
        }
        Rng rng = Rng.seeded(seed);
        double[] mean = new double[counts.length];
        double[] variance = new double[counts.length];
        int chunk = 65_536;
        INDArray mask = Buffers.matrix(1, chunk);
        FloatBuffer m = Buffers.of(mask);
        float kept = (float) h * dropout.trainScale();
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        int k = 0;
        while (k < counts.length) {
            int take = (int) Math.min(chunk, counts[k] - n);
            Mask.fill(m, take, dropout.rate(), rng);
            for (int i = 0; i < take; i++) {
                double v = kept * m.get(i);
                sum += v;
                sumSq += v * v;
            }
            n += take;
            if (n == counts[k]) {
                mean[k] = sum / n;
                variance[k] = Math.max(0, sumSq / n - mean[k] * mean[k]);
                k++;
            }
        }
        return new RunningMoments(h, counts.clone(), mean, variance);
    }

    /** 1, then every decade (and its 2 and 5 multiples) up to {@code max}. */
    public static long[] decades(long max) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (long d = 1; d <= max; d *= 10) {
            for (long f : new long[] {1, 2, 5}) {
                if (d * f <= max) {
                    out.add(d * f);
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The band {@code exact ± k · sd / √n} at each sample count n, where a running mean of samples with
     * standard deviation sd should lie (for k = 3, about 99.7 % of the time by the central limit theorem).
     */
    public Band band(double exact, double sd, double k) {
        if (!(sd >= 0) || !(k > 0)) {
            throw new IllegalArgumentException("band(exact, sd = " + sd + ", k = " + k
                    + "): sd must be ≥ 0 and k > 0, e.g. band(h, Math.sqrt(h * h * p / (1 - p)), 3)");
        }
        double[] low = new double[counts.length];
        double[] high = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double half = k * sd / Math.sqrt(counts[i]);
            low[i] = exact - half;
            high[i] = exact + half;
        }
        return new Band(low, high);
    }

    /** Lower and upper edges of a band, one per sample count. */
    public record Band(double[] low, double[] high) {
    }

    /** The estimate with the most samples. */
    public double finalMean() {
        return mean[mean.length - 1];
    }

    public double finalVariance() {
        return variance[variance.length - 1];
    }
}
