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

    /** Total wall-clock seconds of all epochs. */
    public double seconds() {
        return epochs.stream().mapToDouble(EpochStats::seconds).sum();
    }

    @Override
    public String toString() {
        return "History[" + label + ", " + epochs.size() + " epochs]";
    }
}
