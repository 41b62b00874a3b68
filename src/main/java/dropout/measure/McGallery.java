package dropout.measure;

import dropout.data.Dataset;
import dropout.data.FashionMnist;
import dropout.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A few test images picked by their MC-dropout spread ({@link McPrediction#predictedStd()}), with one caption each,
 * ready for {@code Charts.imageGrid}: "0.31 Shirt" for a correct prediction, "0.31 Shirt → T-shirt/top" (true class
 * → predicted class) for a wrong one.
 *
 * @param indices  the examples shown, in order
 * @param images   their pixels
 * @param captions their captions
 * @param spreads  their spreads
 * @param wrong    how many of them are misclassified
 */
public record McGallery(int[] indices, List<float[]> images, List<String> captions, double[] spreads, int wrong) {

    /** The {@code n} examples with the smallest spread, smallest first. */
    public static McGallery mostCertain(McPrediction mc, Dataset data, int n) {
        return pick(mc, data, n, false, false);
    }

    /** The {@code n} examples with the largest spread, largest first. */
    public static McGallery leastCertain(McPrediction mc, Dataset data, int n) {
        return pick(mc, data, n, true, false);
    }

    /** The {@code n} misclassified examples with the smallest spread: wrong, and every pass agrees. */
    public static McGallery mostCertainWrong(McPrediction mc, Dataset data, int n) {
        return pick(mc, data, n, false, true);
    }

    /** "spread true-class" or "spread true-class → predicted-class", the spread with 2 decimals. */
    public static String caption(McPrediction mc, Dataset data, int i) {
        int label = data.label(i);
        int predicted = mc.predicted()[i];
        String classes = label == predicted ? FashionMnist.className(label)
                : FashionMnist.className(label) + " \u2192 " + FashionMnist.className(predicted);
        return Report.number(mc.predictedStd()[i], 2) + " " + classes;
    }

    /** The smallest spread shown. */
    public double minSpread() {
        double m = Double.POSITIVE_INFINITY;
        for (double s : spreads) {
            m = Math.min(m, s);
        }
        return m;
    }

    /** The largest spread shown. */
    public double maxSpread() {
        double m = Double.NEGATIVE_INFINITY;
        for (double s : spreads) {
            m = Math.max(m, s);
        }
        return m;
    }

    private static McGallery pick(McPrediction mc, Dataset data, int n, boolean largestFirst, boolean wrongOnly) {
        Objects.requireNonNull(mc, "mc: McDropout.predict(...)");
        Objects.requireNonNull(data, "data: the dataset the predictions were made on");
        if (data.size() != mc.size()) {
            throw new IllegalArgumentException(data.size() + " examples in " + data.name() + " but " + mc.size()
                    + " predictions: pass the dataset the predictions were made on");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ": show at least 1 image (10 fill two rows of 5)");
        }
        int[] order = Uncertainty.ascending(mc.predictedStd());
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < order.length && chosen.size() < n; k++) {
            int i = largestFirst ? order[order.length - 1 - k] : order[k];
            if (!wrongOnly || mc.predicted()[i] != data.label(i)) {
                chosen.add(i);
            }
        }
        if (chosen.size() < n) {
            throw new IllegalArgumentException("only " + chosen.size() + " examples qualify, " + n + " asked for:"
                    + " ask for fewer");
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        List<float[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        double[] spreads = new double[n];
        int wrong = 0;
        for (int k = 0; k < n; k++) {
            int i = indices[k];
            images.add(data.row(i));
            captions.add(caption(mc, data, i));
            spreads[k] = mc.predictedStd()[i];
            wrong += mc.predicted()[i] != data.label(i) ? 1 : 0;
        }
        return new McGallery(indices, List.copyOf(images), List.copyOf(captions), spreads, wrong);
    }
}
