package dropout.measure;

import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.nn.Network;
import dropout.nn.SoftmaxCrossEntropy;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How smooth a trained network's input-output map is, measured: add Gaussian noise N(0, σ²) to every pixel of the
 * first {@code n} examples and count, in prediction mode, how often the predicted class changes, and how far the
 * softmax probabilities move (mean L1 distance, in [0, 2]). Same seed, same noise for every network compared.
 */
public record NoiseSensitivity(double sigma, int examples, double changedFraction, double meanProbabilityShift) {

    public static NoiseSensitivity of(Network net, Dataset data, int n, double sigma, long seed) {
        if (n < 1 || n > data.size()) {
            throw new IllegalArgumentException("n = " + n + ": measure between 1 and " + data.size() + " examples of " + data.name());
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + ": the pixel noise's standard deviation must be finite and ≥ 0");
        }
        INDArray clean = data.batch(0, n);
        INDArray noisy = clean.dup();
        FloatBuffer b = Buffers.of(noisy);
        Rng rng = Rng.seeded(seed);
        for (int i = 0, len = (int) noisy.length(); i < len; i++) {
            b.put(i, (float) (b.get(i) + sigma * rng.gaussian()));
        }
        double[][] p = softmax(net.predict(clean));
        double[][] r = softmax(net.predict(noisy));
        int changed = 0;
        double shift = 0;
        for (int i = 0; i < n; i++) {
            changed += argmax(p[i]) != argmax(r[i]) ? 1 : 0;
            for (int k = 0; k < p[i].length; k++) {
                shift += Math.abs(p[i][k] - r[i][k]);
            }
        }
        return new NoiseSensitivity(sigma, n, (double) changed / n, shift / n);
    }

    /** Row-wise softmax of a [rows, classes] float matrix, by the loss's own routine. */
    private static double[][] softmax(INDArray logits) {
        int rows = (int) logits.size(0);
        int classes = (int) logits.size(1);
        FloatBuffer z = Buffers.of(logits);
        double[][] p = new double[rows][classes];
        for (int r = 0; r < rows; r++) {
            SoftmaxCrossEntropy.softmax(z, r * classes, classes, p[r]);
        }
        return p;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
