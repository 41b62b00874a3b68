package dropout.measure;

import dropout.arrays.Buffers;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.variants.DropConnectDense;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Monte-Carlo moments of every unit of a stochastic layer's training-mode output, for one fixed input: the
 * layers run forward in training mode {@code passes} times on a batch of {@code rows} copies of the input row,
 * and each output unit's mean and variance are accumulated over the rows × passes samples (in double). Notebook 5
 * checks each dropout variant against its formulas with it, as notebook 2 does for one unit with
 * {@link dropout.measure.RunningMoments}.
 * <p>
 * Standard errors, from the samples themselves: the mean's is √(s²/n); the variance's is
 * √((m₄ − s⁴·(n − 3)/(n − 1))/n), m₄ the sample fourth central moment (the exact variance of a sample variance,
 * which stays positive where the large-n form √((μ₄ − σ⁴)/n) vanishes: a two-point output with equal
 * probabilities, such as inverted dropout at p = 0.5, has μ₄ = σ⁴). {@link #largestError} divides
 * |Monte-Carlo − formula| by them; a standard error below float32's resolution (a unit whose output never varies,
 * such as a dropped-out 0) is floored at 1e-6·max(1, |formula|), so float rounding of a constant does not count as
 * infinitely many standard errors.
 * <p>
 * Rows of one pass are independent samples only for layers that draw per element (dropout, Gaussian dropout,
 * Standout, alpha dropout). {@link DropConnectDense} draws one weight mask per batch, so all rows of a pass would
 * share it: with a DropConnectDense among the layers, {@code rows} must be 1 (and the passes supply the samples).
 */
public final class UnitMoments {
    private final long samples;
    private final double[] mean;
    private final double[] variance;
    private final double[] fourth;

    private UnitMoments(long samples, double[] mean, double[] variance, double[] fourth) {
        this.samples = samples;
        this.mean = mean;
        this.variance = variance;
        this.fourth = fourth;
    }

    /**
     * Runs {@code layers} in order, in training mode, {@code passes} times on {@code rows} copies of {@code input}
     * ([1, features], dense float) and returns every output unit's moments over the rows × passes samples.
     */
    public static UnitMoments sample(INDArray input, int rows, int passes, Layer... layers) {
        List<UnitMoments> each = sampleEach(input, rows, passes, layers);
        return each.get(each.size() - 1);
    }

    /**
     * As {@link #sample}, but the moments of every layer's output, in order, from the same passes: for example
     * a DropConnect layer's pre-activations and, from the very same masks, the ReLU that follows.
     */
    public static List<UnitMoments> sampleEach(INDArray input, int rows, int passes, Layer... layers) {
        Objects.requireNonNull(input, "input: one row [1, features]");
        if (input.rank() != 2 || input.rows() != 1) {
            throw new IllegalArgumentException("input of shape " + java.util.Arrays.toString(input.shape())
                    + ": give one row [1, features]; rows copies of it are made here");
        }
        if (rows < 1 || passes < 1) {
            throw new IllegalArgumentException("rows = " + rows + ", passes = " + passes + ": both must be ≥ 1"
                    + " (the sample size per unit is rows × passes)");
        }
        if (layers.length == 0) {
            throw new IllegalArgumentException("no layers: give the stochastic layer(s) whose output to sample");
        }
        for (Layer l : layers) {
            Objects.requireNonNull(l, "a layer is null");
            if (l instanceof DropConnectDense && rows > 1) {
                throw new IllegalArgumentException("rows = " + rows + " with " + l + ": DropConnect draws one weight mask"
                        + " per batch, so the rows of a pass would share it and not be independent samples."
                        + " Use rows = 1 and let the passes supply the samples");
            }
        }
        int features = (int) input.columns();
        INDArray x = Buffers.matrix(rows, features);
        FloatBuffer xs = Buffers.of(x);
        FloatBuffer in = Buffers.of(input.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c'));
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                xs.put(r * features + j, in.get(j));
            }
        }
        Sums[] sums = new Sums[layers.length];
        for (int t = 0; t < passes; t++) {
            INDArray a = x;
            for (int k = 0; k < layers.length; k++) {
                a = layers[k].forward(a, Mode.TRAIN);
                if (sums[k] == null) {
                    sums[k] = new Sums(Buffers.of(a), (int) a.columns());
                }
                sums[k].add(Buffers.of(a), rows);
            }
        }
        long n = (long) rows * passes;
        List<UnitMoments> out = new ArrayList<>();
        for (Sums s : sums) {
            out.add(s.moments(n));
        }
        return out;
    }

    /** Per-unit sums of (y − K), (y − K)², (y − K)³, (y − K)⁴, K the unit's first sample: no cancellation. */
    private static final class Sums {
        private final int units;
        private final double[] shift;
        private final double[] s1;
        private final double[] s2;
        private final double[] s3;
        private final double[] s4;

        Sums(FloatBuffer first, int units) {
            this.units = units;
            shift = new double[units];
            s1 = new double[units];
            s2 = new double[units];
            s3 = new double[units];
            s4 = new double[units];
            for (int j = 0; j < units; j++) {
                shift[j] = first.get(j);
            }
        }

        void add(FloatBuffer ys, int rows) {
            for (int r = 0, k = 0; r < rows; r++) {
                for (int j = 0; j < units; j++, k++) {
                    double d = ys.get(k) - shift[j];
                    double d2 = d * d;
                    s1[j] += d;
                    s2[j] += d2;
                    s3[j] += d2 * d;
                    s4[j] += d2 * d2;
                }
            }
        }

        UnitMoments moments(long n) {
            double[] mean = new double[units];
            double[] variance = new double[units];
            double[] fourth = new double[units];
            for (int j = 0; j < units; j++) {
                double m1 = s1[j] / n;
                double m2 = s2[j] / n;
                double m3 = s3[j] / n;
                double m4 = s4[j] / n;
                mean[j] = shift[j] + m1;
                variance[j] = Math.max(0, m2 - m1 * m1);
                fourth[j] = Math.max(0, m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1);
            }
            return new UnitMoments(n, mean, variance, fourth);
        }
    }

    /** Samples per unit: rows × passes. */
    public long samples() {
        return samples;
    }

    public int units() {
        return mean.length;
    }

    /** Each unit's Monte-Carlo mean (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Each unit's Monte-Carlo variance (population form, a copy). */
    public double[] variance() {
        return variance.clone();
    }

    public double mean(int unit) {
        return mean[unit];
    }

    public double variance(int unit) {
        return variance[unit];
    }

    /** √(s²/n). */
    public double meanStdError(int unit) {
        return Math.sqrt(variance[unit] / samples);
    }

    /** √((m₄ − s⁴·(n − 3)/(n − 1))/n); for n = 1, 0. */
    public double varianceStdError(int unit) {
        if (samples < 2) {
            return 0;
        }
        double s4 = variance[unit] * variance[unit];
        return Math.sqrt(Math.max(0, fourth[unit] - s4 * (samples - 3) / (samples - 1)) / samples);
    }

    /** |Monte-Carlo mean − expected| in standard errors (floored as the class comment says). */
    public double meanError(int unit, double expected) {
        return standardErrors(mean[unit], expected, meanStdError(unit));
    }

    /** |Monte-Carlo variance − expected| in standard errors (floored as the class comment says). */
    public double varianceError(int unit, double expected) {
        return standardErrors(variance[unit], expected, varianceStdError(unit));
    }

    /** The largest of {@link #meanError} and {@link #varianceError} over all units. */
    public double largestError(double[] expectedMean, double[] expectedVariance) {
        requireUnits(expectedMean, "expectedMean");
        requireUnits(expectedVariance, "expectedVariance");
        double worst = 0;
        for (int j = 0; j < units(); j++) {
            worst = Math.max(worst, Math.max(meanError(j, expectedMean[j]), varianceError(j, expectedVariance[j])));
        }
        return worst;
    }

    /** One line per unit: Monte-Carlo mean ± standard error, formula; the same for the variance. */
    public String table(double[] expectedMean, double[] expectedVariance) {
        requireUnits(expectedMean, "expectedMean");
        requireUnits(expectedVariance, "expectedVariance");
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%4s %11s %10s %10s %12s %10s %10s%n",
                "unit", "MC mean", "± std err", "formula", "MC variance", "± std err", "formula"));
        for (int j = 0; j < units(); j++) {
            s.append(String.format(Locale.ROOT, "%4d %11.5f %10.5f %10.5f %12.5f %10.5f %10.5f%n", j, mean[j], meanStdError(j),
                    expectedMean[j], variance[j], varianceStdError(j), expectedVariance[j]));
        }
        return s.toString();
    }

    private void requireUnits(double[] expected, String name) {
        Objects.requireNonNull(expected, name);
        if (expected.length != units()) {
            throw new IllegalArgumentException(name + " has " + expected.length + " values for " + units()
                    + " units: give one formula value per output unit");
        }
    }

    private static double standardErrors(double estimate, double expected, double stdError) {
        double diff = Math.abs(estimate - expected);
        if (diff == 0) {
            return 0;
        }
        return diff / Math.max(stdError, 1e-6 * Math.max(1, Math.abs(expected)));
    }
}
