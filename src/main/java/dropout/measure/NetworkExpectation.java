package dropout.measure;

import dropout.core.Rng;
import dropout.core.UnscaledDropout;
import dropout.arrays.Buffers;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.Sampling;
import java.nio.FloatBuffer;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The articles' experiment: feed one input through a network many times in training mode (fresh masks each
 * time) and compare the average output with the single prediction-mode output, and with the prediction
 * one gets when the scaling is forgotten ({@link UnscaledDropout} in every dropout layer).
 * For a linear network the training mean converges to the prediction exactly; with ReLUs between
 * dropout layers only approximately (E[f(x)] ≠ f(E[x]) for non-linear f), and the gap is part of the lesson.
 *
 * @param trainMean      per output unit, the mean over {@code samples} training-mode passes
 * @param trainStdError  per output unit, the Monte-Carlo standard error of that mean (sample sd / √samples)
 * @param predict        prediction-mode output (the style's own scaling)
 * @param predictUnscaled prediction-mode output with the scaling forgotten
 */
public record NetworkExpectation(long samples, double[] trainMean, double[] trainStdError, double[] predict,
                                 double[] predictUnscaled) {

    /** Runs {@code samples} training-mode passes in batches; masks come from {@code seed}, the network's own streams are untouched. */
    public static NetworkExpectation measure(Network net, float[] input, long samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples = " + samples + ": need at least 2 to estimate a standard error");
        }
        int batch = 10_000;
        INDArray x = Buffers.matrix(batch, input.length);
        FloatBuffer xs = Buffers.of(x);
        for (int r = 0; r < batch; r++) {
            xs.put(r * input.length, input);
        }
        double[] sum = null;
        double[] sumSq = null;
        long done = 0;
        try (Sampling scope = Sampling.of(net).ownStreams(Rng.seeded(seed))) {
            while (done < samples) {
                int rows = (int) Math.min(batch, samples - done);
                INDArray in = rows == batch ? x : Buffers.matrix(rows, input.length);
                if (rows != batch) {
                    FloatBuffer b = Buffers.of(in);
                    for (int r = 0; r < rows; r++) {
                        b.put(r * input.length, input);
                    }
                }
                INDArray out = net.forward(in, Mode.TRAIN);
                int outs = (int) out.size(1);
                if (sum == null) {
                    sum = new double[outs];
                    sumSq = new double[outs];
                }
                FloatBuffer o = Buffers.of(out);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < outs; c++) {
                        double v = o.get(r * outs + c);
                        sum[c] += v;
                        sumSq[c] += v * v;
                    }
                }
                done += rows;
            }
        }
        double[] mean = new double[sum.length];
        double[] se = new double[sum.length];
        for (int c = 0; c < sum.length; c++) {
            mean[c] = sum[c] / samples;
            double var = Math.max(0, (sumSq[c] - samples * mean[c] * mean[c]) / (samples - 1));
            se[c] = Math.sqrt(var / samples);
        }
        double[] predict = predictOnce(net, input);
        double[] unscaled = Sampling.of(net).style(d -> new UnscaledDropout(d.rate())).call(() -> predictOnce(net, input));
        return new NetworkExpectation(samples, mean, se, predict, unscaled);
    }

    private static double[] predictOnce(Network net, float[] input) {
        INDArray x = Buffers.matrix(1, input.length);
        Buffers.of(x).put(0, input);
        float[] out = net.forward(x, Mode.PREDICT).dup().data().asFloat();
        double[] d = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            d[i] = out[i];
        }
        return d;
    }

    /** Largest |trainMean − predict| in units of its Monte-Carlo standard error. */
    public double maxZ() {
        double z = 0;
        for (int c = 0; c < predict.length; c++) {
            z = Math.max(z, Math.abs(trainMean[c] - predict[c]) / trainStdError[c]);
        }
        return z;
    }

    /** Largest relative gap |predictUnscaled − trainMean| / |trainMean|: what forgetting the scaling costs. */
    public double unscaledRelativeGap() {
        double g = 0;
        for (int c = 0; c < predict.length; c++) {
            g = Math.max(g, Math.abs(predictUnscaled[c] - trainMean[c]) / Math.abs(trainMean[c]));
        }
        return g;
    }

    /** A small aligned table: one row per output unit. */
    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-6s %14s %12s %14s %16s%n", "output", "train mean", "± std err", "predict", "predict unscaled"));
        for (int c = 0; c < predict.length; c++) {
            s.append(String.format(Locale.ROOT, "%-6d %14.5f %12.5f %14.5f %16.5f%n", c, trainMean[c], trainStdError[c], predict[c], predictUnscaled[c]));
        }
        return s.toString();
    }
}
