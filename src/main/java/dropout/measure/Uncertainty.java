package dropout.measure;

import dropout.data.Dataset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Does a per-example uncertainty score single out the wrong predictions? A score is one number per example of a
 * dataset, larger = less certain: MC dropout's spread ({@link McPrediction#predictedStd()}), its predictive entropy
 * or mutual information. Each method takes the scores, the predicted classes and the dataset the predictions were
 * made on (its labels decide what is correct), all in the same example order.
 * <ul>
 * <li>{@link #byCorrectness}: the mean score of the correct and of the incorrect predictions, and their ratio;</li>
 * <li>{@link #scores}: the scores of the correct (or incorrect) predictions only, e.g. for two histograms;</li>
 * <li>{@link #ascending}: example indices from the most certain (smallest score) to the least certain;</li>
 * <li>{@link #accuracyByGroup}: accuracy in equal-size groups from the most to the least certain (deciles for 10);</li>
 * <li>{@link #errorDetectionAuc}: the probability that a random wrong prediction scores higher than a random correct
 *     one (ties count ½): 0.5 = the score says nothing about errors, 1 = it separates them perfectly.</li>
 * </ul>
 */
public final class Uncertainty {

    private Uncertainty() {
    }

    /** Mean score of the correct and of the incorrect predictions; a mean over no examples is NaN. */
    public record Split(int correct, int incorrect, double meanCorrect, double meanIncorrect) {

        /** meanIncorrect / meanCorrect: above 1 when wrong predictions are less certain on average. */
        public double ratio() {
            return meanIncorrect / meanCorrect;
        }
    }

    public static Split byCorrectness(double[] score, int[] predicted, Dataset data) {
        check(score, predicted, data);
        int nc = 0;
        int ni = 0;
        double sc = 0;
        double si = 0;
        for (int i = 0; i < score.length; i++) {
            if (predicted[i] == data.label(i)) {
                nc++;
                sc += score[i];
            } else {
                ni++;
                si += score[i];
            }
        }
        return new Split(nc, ni, nc > 0 ? sc / nc : Double.NaN, ni > 0 ? si / ni : Double.NaN);
    }

    /** The scores of the correct predictions ({@code correct = true}) or of the incorrect ones, in example order. */
    public static double[] scores(double[] score, int[] predicted, Dataset data, boolean correct) {
        check(score, predicted, data);
        return IntStream.range(0, score.length).filter(i -> (predicted[i] == data.label(i)) == correct)
                .mapToDouble(i -> score[i]).toArray();
    }

    /** Example indices ordered by score, smallest (most certain) first; equal scores keep example order. */
    public static int[] ascending(double[] score) {
        for (double s : score) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("a score is NaN: every example needs a number to be ordered by");
            }
        }
        return IntStream.range(0, score.length).boxed().sorted(Comparator.comparingDouble(i -> score[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Accuracy in {@code groups} groups of (nearly) equal size, the examples ordered by score: group 0 holds the most
     * certain examples, the last group the least certain. Group g holds ordered positions [g·n/groups, (g+1)·n/groups).
     */
    public static double[] accuracyByGroup(double[] score, int[] predicted, Dataset data, int groups) {
        check(score, predicted, data);
        int n = score.length;
        if (groups < 1 || groups > n) {
            throw new IllegalArgumentException("groups = " + groups + ": pass between 1 and the " + n
                    + " examples (10 gives deciles)");
        }
        int[] order = ascending(score);
        double[] accuracy = new double[groups];
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) g * n / groups);
            int to = (int) ((long) (g + 1) * n / groups);
            int correct = 0;
            for (int k = from; k < to; k++) {
                correct += predicted[order[k]] == data.label(order[k]) ? 1 : 0;
            }
            accuracy[g] = (double) correct / (to - from);
        }
        return accuracy;
    }

    /**
     * P(score of a random incorrect prediction > score of a random correct one), ties counted ½: the area under the
     * ROC curve of the score as a detector of errors (Mann–Whitney U / (n_incorrect · n_correct), by average ranks).
     * NaN when every prediction is correct or every one is wrong.
     */
    public static double errorDetectionAuc(double[] score, int[] predicted, Dataset data) {
        check(score, predicted, data);
        int n = score.length;
        int[] order = ascending(score);
        double rankSumIncorrect = 0;
        long incorrect = 0;
        for (int k = 0; k < n; ) {
            int end = k;
            while (end + 1 < n && score[order[end + 1]] == score[order[k]]) {
                end++;
            }
            double averageRank = (k + end) / 2.0 + 1;
            for (int t = k; t <= end; t++) {
                if (predicted[order[t]] != data.label(order[t])) {
                    rankSumIncorrect += averageRank;
                    incorrect++;
                }
            }
            k = end + 1;
        }
        long correct = n - incorrect;
        if (incorrect == 0 || correct == 0) {
            return Double.NaN;
        }
        double u = rankSumIncorrect - incorrect * (incorrect + 1) / 2.0;
        return u / ((double) incorrect * correct);
    }

    private static void check(double[] score, int[] predicted, Dataset data) {
        if (score.length != predicted.length || predicted.length != data.size()) {
            throw new IllegalArgumentException(score.length + " scores, " + predicted.length + " predictions and "
                    + data.size() + " examples in " + data.name() + ": pass one score and one prediction per example"
                    + " of the dataset the predictions were made on");
        }
        if (Arrays.stream(score).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException("a score is NaN: every example needs a number");
        }
    }

    /**
     * The standard error √(a(1 − a)/n) of an accuracy a measured on n examples (binomial): two groups' accuracies
     * that differ by less than about 2 of them are not told apart by this test set.
     */
    public static double accuracyStdError(double accuracy, int examples) {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy = " + accuracy + ": an accuracy lies in [0, 1]");
        }
        if (examples < 1) {
            throw new IllegalArgumentException("examples = " + examples + ": an accuracy needs at least 1 example");
        }
        return Math.sqrt(accuracy * (1 - accuracy) / examples);
    }

    /** One row per group (numbered from 1): its accuracy and standard error, {@code examples} in each group. */
    public static dropout.report.Table accuracyTable(String groupHeader, double[] accuracy, int examples) {
        java.util.Objects.requireNonNull(accuracy, "accuracy: e.g. accuracyByGroup(...)");
        var t = dropout.report.Table.of(groupHeader, "test accuracy", "± std err").decimals(3);
        for (int g = 0; g < accuracy.length; g++) {
            t.row(g + 1, accuracy[g], accuracyStdError(accuracy[g], examples));
        }
        return t;
    }
}
