package dropout.measure;

import dropout.arrays.Buffers;
import dropout.nn.Dense;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.variants.DropConnectDense;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mean and variance of the activations that enter each fully connected layer of a network, over all units
 * and examples of a batch: how a signal's first two moments evolve with depth. Index 0 is the network's input;
 * index k ≥ 1 is what the (k+1)-th fully connected layer ({@link Dense} or {@link DropConnectDense}) receives,
 * i.e. the output of hidden block k after its activation and dropout. Klambauer et al. (2017) show this way that
 * SELU nets with alpha dropout keep mean 0 and variance 1 through depth, while ordinary dropout moves them off
 * that fixed point.
 */
public record DepthMoments(double[] mean, double[] variance) {

    /** One forward pass of {@code x} in {@code mode}, recording the moments before each fully connected layer. */
    public static DepthMoments of(Network net, INDArray x, Mode mode) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(x, "x: a batch [examples, features]");
        Objects.requireNonNull(mode, "mode: Mode.TRAIN (dropout on) or Mode.PREDICT");
        List<double[]> moments = new ArrayList<>();
        INDArray a = x;
        for (Layer l : net.layers()) {
            if (l instanceof Dense || l instanceof DropConnectDense) {
                moments.add(of(a));
            }
            a = l.forward(a, mode);
        }
        if (moments.isEmpty()) {
            throw new IllegalArgumentException("the network has no fully connected layer (Dense or DropConnectDense) to probe");
        }
        double[] mean = new double[moments.size()];
        double[] variance = new double[moments.size()];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = moments.get(k)[0];
            variance[k] = moments.get(k)[1];
        }
        return new DepthMoments(mean, variance);
    }

    /** {mean, variance} (population form) of every element of a dense float array, in double. */
    public static double[] of(INDArray a) {
        FloatBuffer b = Buffers.of(a);
        int n = (int) a.length();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += b.get(i);
        }
        double m = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = b.get(i) - m;
            ss += d * d;
        }
        return new double[] {m, ss / n};
    }

    /** Number of probes: the fully connected layers, input included. */
    public int depth() {
        return mean.length;
    }

    /** Probe indices 0, 1, ..., depth() − 1 as doubles (a chart's x axis). */
    public double[] indices() {
        double[] x = new double[mean.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = k;
        }
        return x;
    }

    /** The last probe's mean: what the output layer receives. */
    public double lastMean() {
        return mean[mean.length - 1];
    }

    /** The last probe's variance. */
    public double lastVariance() {
        return variance[variance.length - 1];
    }

    /** The fraction of the array's values strictly below {@code threshold} (e.g. the negative multipliers). */
    public static double shareBelow(INDArray a, double threshold) {
        java.util.Objects.requireNonNull(a, "a: pass the array whose values to count");
        if (a.length() == 0) {
            throw new IllegalArgumentException("shareBelow: the array is empty; pass at least one value");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("shareBelow: threshold is NaN; pass a number, e.g. 0");
        }
        double[] v = a.dup().data().asDouble();
        long below = 0;
        for (double x : v) {
            below += x < threshold ? 1 : 0;
        }
        return (double) below / v.length;
    }
}
