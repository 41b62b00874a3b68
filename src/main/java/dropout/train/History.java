package dropout.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Per-epoch records of one training run, in order. */
public final class History {
    private final String label;
    private final List<EpochStats> epochs = new ArrayList<>();

    public History(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public void add(EpochStats stats) {
        epochs.add(stats);
    }

    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history '" + label + "' is empty: train at least one epoch first");
        }
        return epochs.get(epochs.size() - 1);
    }

    public double[] trainLoss() {
        return epochs.stream().mapToDouble(EpochStats::trainLoss).toArray();
    }

    public double[] trainAccuracy() {
        return epochs.stream().mapToDouble(EpochStats::trainAccuracy).toArray();
    }

    public double[] testLoss() {
        return epochs.stream().mapToDouble(EpochStats::testLoss).toArray();
    }

    public double[] testAccuracy() {
        return epochs.stream().mapToDouble(EpochStats::testAccuracy).toArray();
    }

    /** Per epoch, train accuracy − test accuracy: how far the model fits its training set better than unseen data. */
    public double[] accuracyGap() {
        return epochs.stream().mapToDouble(e -> e.trainAccuracy() - e.testAccuracy()).toArray();
    }

    /** Test accuracy after {@code epoch} (counted from 1). */
    public double testAccuracyAt(int epoch) {
        requireEpochs("testAccuracyAt", epoch, epoch);
        return epochs.get(epoch - 1).testAccuracy();
    }

    /** Mean test accuracy over epochs {@code fromEpoch} to {@code toEpoch}, both counted from 1 and included. */
    public double testAccuracyMean(int fromEpoch, int toEpoch) {
        requireEpochs("testAccuracyMean", fromEpoch, toEpoch);
        double sum = 0;
        for (int e = fromEpoch; e <= toEpoch; e++) {
            sum += epochs.get(e - 1).testAccuracy();
        }
        return sum / (toEpoch - fromEpoch + 1);
    }

    /**
     * The largest fall of test accuracy from one epoch to the next (0 if it never falls): a fall is not progress, so
     * it shows how much a single epoch's figure is noise.
     */
    public double largestTestAccuracyDrop() {
        requireEpochs("largestTestAccuracyDrop", 1, 2);
        double largest = 0;
        for (int e = 1; e < epochs.size(); e++) {
            largest = Math.max(largest, epochs.get(e - 1).testAccuracy() - epochs.get(e).testAccuracy());
        }
        return largest;
    }

    private void requireEpochs(String what, int from, int to) {
        if (from < 1 || to < from || to > epochs.size()) {
            throw new IllegalArgumentException(what + ": epochs " + from + ".." + to + " of history '" + label + "', which has "
                    + epochs.size() + " epoch(s): ask for epochs counted from 1, from ≤ to ≤ " + epochs.size());
        }
    }

    /** Total wall-clock seconds of all epochs. */
    public double seconds() {
        return epochs.stream().mapToDouble(EpochStats::seconds).sum();
    }

    @Override
    public String toString() {
        return "History[" + label + ", " + epochs.size() + " epochs]";
    }
}
