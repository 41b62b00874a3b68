package dropout.measure;

import java.util.List;
import java.util.Objects;

/**
 * The bias–variance split of several models' predictions on one test set (e.g. the same network trained with
 * different seeds), in the squared error of predicted class probabilities p against the one-hot label y
 * (the Brier score, summed over classes, averaged over test examples). With p̄ the models' mean prediction:
 * <pre>
 *   mean over models of |p − y|²  =  |p̄ − y|²  +  mean over models of |p − p̄|²
 *          (meanError)             (averagedError)        (variance)
 * </pre>
 * an exact identity per example. {@code averagedError} is the error of the averaged prediction: what is left when
 * the seed-to-seed scatter is averaged away (bias, plus the noise no model can remove); {@code variance} is how far
 * the individual models scatter around their mean. Accuracies are given beside: of a single model (mean over
 * models) and of the averaged prediction.
 *
 * @param models           number of models
 * @param meanError        mean over models of their Brier score
 * @param averagedError    Brier score of the averaged prediction p̄
 * @param variance         mean over models and examples of |p − p̄|²
 * @param meanAccuracy     mean over models of their accuracy
 * @param averagedAccuracy accuracy of p̄ (ties go to the lower class index)
 */
public record BiasVariance(int models, double meanError, double averagedError, double variance, double meanAccuracy,
                           double averagedAccuracy) {

    /**
     * The split for {@code probabilities.get(m)[i][c]}, model m's probability of class c for test example i, against
     * {@code labels[i]}. Every model must predict every example; each row should sum to 1 (it is not renormalised).
     */
    public static BiasVariance of(List<float[][]> probabilities, int[] labels) {
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(labels, "labels");
        int m = probabilities.size();
        if (m == 0) {
            throw new IllegalArgumentException("no models: give the test-set probabilities of at least one model");
        }
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("no test examples: labels is empty");
        }
        int classes = -1;
        for (int k = 0; k < m; k++) {
            float[][] p = probabilities.get(k);
            if (p.length != n) {
                throw new IllegalArgumentException("model " + k + " predicts " + p.length + " examples, the labels hold " + n
                        + ": every model must predict the same test set");
            }
            for (float[] row : p) {
                if (classes < 0) {
                    classes = row.length;
                } else if (row.length != classes) {
                    throw new IllegalArgumentException("model " + k + " has a row of " + row.length + " class probabilities, "
                            + "another has " + classes + ": every row needs one probability per class");
                }
            }
        }
        double meanError = 0;
        double averagedError = 0;
        double variance = 0;
        long correct = 0;
        long averagedCorrect = 0;
        double[] mean = new double[classes];
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + i + " is " + y + ": labels must be class indices in [0, "
                        + classes + ")");
            }
            java.util.Arrays.fill(mean, 0);
            for (float[][] p : probabilities) {
                float[] row = p[i];
                for (int c = 0; c < classes; c++) {
                    mean[c] += row[c];
                    double d = row[c] - (c == y ? 1.0 : 0.0);
                    meanError += d * d;
                }
                correct += argmax(row) == y ? 1 : 0;
            }
            for (int c = 0; c < classes; c++) {
                mean[c] /= m;
                double d = mean[c] - (c == y ? 1.0 : 0.0);
                averagedError += d * d;
            }
            for (float[][] p : probabilities) {
                for (int c = 0; c < classes; c++) {
                    double d = p[i][c] - mean[c];
                    variance += d * d;
                }
            }
            averagedCorrect += argmax(mean) == y ? 1 : 0;
        }
        return new BiasVariance(m, meanError / ((double) m * n), averagedError / n, variance / ((double) m * n),
                (double) correct / ((double) m * n), (double) averagedCorrect / n);
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    /** variance / meanError: the share of a single model's error that averaging over seeds removes. */
    public double varianceShare() {
        return variance / meanError;
    }
}
