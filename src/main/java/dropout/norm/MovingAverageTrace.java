package dropout.norm;

import dropout.nn.BatchNorm;
import dropout.nn.Mode;
import dropout.report.Named;
import dropout.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch-norm layer's moving averages, recorded after every training batch it is given: feed batches with
 * {@link #step}, read each feature's (or channel's) moving mean and variance as named series, compare the last
 * values with the data's statistics.
 */
public final class MovingAverageTrace {
    private final String[] names;
    private final UnaryOperator<INDArray> trainStep;
    private final Supplier<double[]> mean;
    private final Supplier<double[]> variance;
    private final List<double[]> means = new ArrayList<>();
    private final List<double[]> variances = new ArrayList<>();

    private MovingAverageTrace(String[] names, int size, UnaryOperator<INDArray> trainStep, Supplier<double[]> mean,
                               Supplier<double[]> variance) {
        if (names.length != size) {
            throw new IllegalArgumentException(names.length + " names for a layer of " + size
                    + " features/channels: give one name per feature (channel), in order");
        }
        this.names = names.clone();
        this.trainStep = trainStep;
        this.mean = mean;
        this.variance = variance;
    }

    /** Traces a fully connected layer's moving averages, one name per feature. */
    public static MovingAverageTrace of(BatchNorm layer, String... names) {
        return new MovingAverageTrace(names, layer.size(), x -> layer.forward(x, Mode.TRAIN), layer::runningMean,
                layer::runningVariance);
    }

    /** Traces a convolution layer's moving averages, one name per channel. */
    public static MovingAverageTrace of(ChannelBatchNorm layer, String... names) {
        return new MovingAverageTrace(names, layer.channels(), x -> layer.forward(x, Mode.TRAIN), layer::runningMean,
                layer::runningVariance);
    }

    /** One training-mode pass over {@code batch} (which updates the averages), then records them. */
    public MovingAverageTrace step(INDArray batch) {
        trainStep.apply(batch);
        means.add(mean.get());
        variances.add(variance.get());
        return this;
    }

    /** Training batches recorded so far. */
    public int steps() {
        return means.size();
    }

    /** The moving mean of one feature after each recorded batch. */
    public double[] mean(int feature) {
        return series(means, feature);
    }

    /** The moving variance of one feature after each recorded batch. */
    public double[] variance(int feature) {
        return series(variances, feature);
    }

    /** The moving variance of {@code feature} after the first {@code batches} batches (counted from 1). */
    public double varianceAfter(int batches, int feature) {
        requireSteps(batches);
        return variances.get(batches - 1)[feature];
    }

    /** Every feature's moving mean, under its name. */
    public Named<double[]> means() {
        return named(means);
    }

    /** Every feature's moving variance, under its name. */
    public Named<double[]> variances() {
        return named(variances);
    }

    /** The data's means as reference lines, named "&lt;feature&gt;, data". */
    public Named<Double> dataMeans(FeatureStats data) {
        return references(data.mean());
    }

    /** The data's variances as reference lines, named "&lt;feature&gt;, data". */
    public Named<Double> dataVariances(FeatureStats data) {
        return references(data.variance());
    }

    /** The last moving mean and variance of each feature beside the data's. */
    public Table table(FeatureStats data) {
        requireSteps(1);
        double[] m = means.get(steps() - 1);
        double[] v = variances.get(steps() - 1);
        Table t = Table.of("feature", "moving mean", "data mean", "moving variance", "data variance");
        for (int j = 0; j < names.length; j++) {
            t.row(names[j], m[j], data.mean()[j], v[j], data.variance()[j]);
        }
        return t;
    }

    /** max over features of |last moving mean − data mean| / data standard deviation. */
    public double largestMeanError(FeatureStats data) {
        requireSteps(1);
        double[] m = means.get(steps() - 1);
        double largest = 0;
        for (int j = 0; j < names.length; j++) {
            largest = Math.max(largest, Math.abs(m[j] - data.mean()[j]) / Math.sqrt(data.variance()[j]));
        }
        return largest;
    }

    /** max over features of |last moving variance / data variance − 1|. */
    public double largestVarianceError(FeatureStats data) {
        requireSteps(1);
        double[] v = variances.get(steps() - 1);
        double largest = 0;
        for (int j = 0; j < names.length; j++) {
            largest = Math.max(largest, Math.abs(v[j] / data.variance()[j] - 1));
        }
        return largest;
    }

    private Named<double[]> named(List<double[]> values) {
        Named<double[]> out = Named.of(names[0], series(values, 0));
        for (int j = 1; j < names.length; j++) {
            out.and(names[j], series(values, j));
        }
        return out;
    }

    private Named<Double> references(double[] values) {
        if (values.length != names.length) {
            throw new IllegalArgumentException(values.length + " data statistics for " + names.length
                    + " traced features: measure the same features (FeatureStats.of(data, columns...))");
        }
        Named<Double> out = Named.of(names[0] + ", data", values[0]);
        for (int j = 1; j < names.length; j++) {
            out.and(names[j] + ", data", values[j]);
        }
        return out;
    }

    private double[] series(List<double[]> values, int feature) {
        if (feature < 0 || feature >= names.length) {
            throw new IllegalArgumentException("feature " + feature + ": the layer has features 0.." + (names.length - 1));
        }
        double[] s = new double[values.size()];
        for (int t = 0; t < s.length; t++) {
            s[t] = values.get(t)[feature];
        }
        return s;
    }

    private void requireSteps(int batches) {
        if (batches < 1 || batches > steps()) {
            throw new IllegalArgumentException("after " + batches + " batches: the trace recorded " + steps()
                    + " (ask for 1.." + steps() + ", or feed more batches with step(batch))");
        }
    }
}
