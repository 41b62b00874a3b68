package dropout.measure;

import dropout.early.RateLog;
import dropout.train.EpochStats;
import dropout.train.Evaluation;
import dropout.train.History;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The runs of several configurations (e.g. dropout schedules), each trained once per seed, and what they add up
 * to: per configuration the mean, standard deviation and range over seeds of a final {@link Metric}, paired
 * differences against a baseline (the same seed gives the same initial weights and batch order to every
 * configuration), per-epoch mean curves, mean probe logs and the rates the runs really used. Configurations
 * keep the order of their first {@link #add}.
 * <p>
 * Usage: <pre>{@code
 * SeedResults results = new SeedResults();
 * for (...) {   // each configuration, each seed
 *     History h = trainer.fit(label, net, train, test);
 *     System.out.println(results.add(label, seed, h, Evaluation.of(net, train, 1000), rates, null));
 * }
 * System.out.print(results.table(Metric.TRAIN_LOSS, Metric.TEST_ACCURACY));
 * SeedSpread d = results.pairedDifference("early", "no dropout", Metric.TRAIN_LOSS);
 * }</pre>
 */
public final class SeedResults {

    /** A final number of one run. */
    public enum Metric {
        /** Mean loss over the training set in prediction mode (dropout off) after the last epoch. */
        TRAIN_LOSS("train loss (dropout off)"),
        /** Accuracy on the training set in prediction mode (dropout off) after the last epoch. */
        TRAIN_ACCURACY("train accuracy (dropout off)"),
        /** Test loss after the last epoch. */
        TEST_LOSS("test loss"),
        /** Test accuracy after the last epoch. */
        TEST_ACCURACY("test accuracy"),
        /** Train accuracy (dropout off) − test accuracy: how much better the training set is fitted than unseen data. */
        ACCURACY_GAP("train - test accuracy");

        private final String title;

        Metric(String title) {
            this.title = title;
        }

        /** A short name for table headers, e.g. "train loss (dropout off)". */
        public String title() {
            return title;
        }

        /** This metric of {@code run}. */
        public double of(Run run) {
            return switch (this) {
                case TRAIN_LOSS -> run.trainLoss();
                case TRAIN_ACCURACY -> run.trainAccuracy();
                case TEST_LOSS -> run.testLoss();
                case TEST_ACCURACY -> run.testAccuracy();
                case ACCURACY_GAP -> run.accuracyGap();
            };
        }
    }

    /**
     * One training run.
     *
     * @param config  the configuration's name
     * @param seed    the seed it was trained with
     * @param history its per-epoch record
     * @param train   the trained network evaluated on its training set in prediction mode (dropout off)
     * @param rates   the drop rates it really used, or null if not recorded
     * @param probes  its gradient probes, or null if it was not probed
     */
    public record Run(String config, long seed, History history, Evaluation train, RateLog rates, ProbeLog probes) {
        public Run {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(train, "train: give Evaluation.of(net, trainingSet, batchSize), taken after training");
            history.last();
        }

        public double trainLoss() {
            return train.loss();
        }

        public double trainAccuracy() {
            return train.accuracy();
        }

        public double testLoss() {
            return history.last().testLoss();
        }

        public double testAccuracy() {
            return history.last().testAccuracy();
        }

        public double accuracyGap() {
            return train.accuracy() - history.last().testAccuracy();
        }

        /** One progress line, e.g. {@code "no dropout, seed 1: train loss (dropout off) 0.3808, ... (2.1 s)"}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s, seed %d: train loss (dropout off) %.4f, train accuracy %.4f, test loss %.4f, "
                    + "test accuracy %.4f (%.1f s)", config, seed, trainLoss(), trainAccuracy(), testLoss(), testAccuracy(),
                    history.seconds());
        }
    }

    private final Map<String, List<Run>> runs = new LinkedHashMap<>();

    /** Records one run and returns it (its {@code toString()} is a progress line). {@code rates} and {@code probes} may be null. */
    public Run add(String config, long seed, History history, Evaluation train, RateLog rates, ProbeLog probes) {
        Run run = new Run(config, seed, history, train, rates, probes);
        List<Run> list = runs.computeIfAbsent(config, k -> new ArrayList<>());
        for (Run r : list) {
            if (r.seed() == seed) {
                throw new IllegalArgumentException("configuration '" + config + "' already has a run with seed " + seed
                        + ": give each seed of a configuration once");
            }
        }
        list.add(run);
        return run;
    }

    /** The configurations, in the order first added. */
    public List<String> configs() {
        return List.copyOf(runs.keySet());
    }

    /** The runs of {@code config}, in the order added. */
    public List<Run> runs(String config) {
        return Collections.unmodifiableList(require(config));
    }

    /** Number of seeds (runs) of {@code config}. */
    public int seeds(String config) {
        return require(config).size();
    }

    /** The smallest number of seeds any configuration has (0 when there are none). */
    public int minSeeds() {
        return runs.values().stream().mapToInt(List::size).min().orElse(0);
    }

    /** {@code metric} over the seeds of {@code config}: mean, sd, min, max. */
    public SeedSpread spread(String config, Metric metric) {
        Objects.requireNonNull(metric, "metric");
        return SeedSpread.of(require(config).stream().mapToDouble(metric::of).toArray());
    }

    /**
     * Per seed, {@code metric(config) − metric(baseline)} for the run of each with that seed, and their spread.
     * Every seed of {@code config} needs a baseline run with the same seed. Pairing removes the part of the
     * seed-to-seed spread that both runs share (the same initial weights and batch order).
     */
    public SeedSpread pairedDifference(String config, String baseline, Metric metric) {
        Objects.requireNonNull(metric, "metric");
        List<Run> a = require(config);
        List<Run> b = require(baseline);
        double[] d = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            Run x = a.get(i);
            Run y = b.stream().filter(r -> r.seed() == x.seed()).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "'" + baseline + "' has no run with seed " + x.seed() + " to pair with '" + config
                            + "': train the baseline with the same seeds"));
            d[i] = metric.of(x) - metric.of(y);
        }
        return SeedSpread.of(d);
    }

    /**
     * A History labelled {@code config} whose epochs are the means over its seeds (losses, accuracies, drop
     * rates and seconds), e.g. for {@code Charts.trainingCurves}. Every run must have the same number of epochs.
     */
    public History meanHistory(String config) {
        List<Run> list = require(config);
        int epochs = list.get(0).history().epochs().size();
        for (Run r : list) {
            if (r.history().epochs().size() != epochs) {
                throw new IllegalArgumentException("configuration '" + config + "': seed " + r.seed() + " ran "
                        + r.history().epochs().size() + " epochs, seed " + list.get(0).seed() + " ran " + epochs
                        + ": mean curves need runs of the same length");
            }
        }
        History mean = new History(config);
        int n = list.size();
        for (int e = 0; e < epochs; e++) {
            double trainLoss = 0, trainAcc = 0, testLoss = 0, testAcc = 0, seconds = 0, rate = 0;
            for (Run r : list) {
                EpochStats s = r.history().epochs().get(e);
                trainLoss += s.trainLoss();
                trainAcc += s.trainAccuracy();
                testLoss += s.testLoss();
                testAcc += s.testAccuracy();
                seconds += s.seconds();
                rate += s.dropRate();
            }
            mean.add(new EpochStats(e + 1, trainLoss / n, trainAcc / n, testLoss / n, testAcc / n, seconds / n, rate / n));
        }
        return mean;
    }

    /** {@link #meanHistory} of every configuration, in order. */
    public List<History> meanHistories() {
        List<History> all = new ArrayList<>();
        for (String c : runs.keySet()) {
            all.add(meanHistory(c));
        }
        return all;
    }

    /** The checkpoint-by-checkpoint mean of the probe logs of {@code config}'s runs (each must have been probed, at the same checkpoints). */
    public ProbeLog meanProbes(String config) {
        List<ProbeLog> logs = new ArrayList<>();
        for (Run r : require(config)) {
            if (r.probes() == null) {
                throw new IllegalArgumentException("configuration '" + config + "', seed " + r.seed() + " was not probed: "
                        + "pass its GradientProbes' log() to add(...)");
            }
            logs.add(r.probes());
        }
        return ProbeLog.mean(logs);
    }

    /**
     * The largest drop rate any run of {@code config} recorded at iterations {@code from .. to−1} (see
     * {@link RateLog#max}); e.g. {@code maxRate("early", cutoff, Long.MAX_VALUE)} is 0 when every seed really
     * trained without dropout from its cutoff on. NaN when a run recorded no iteration in the range.
     */
    public double maxRate(String config, long from, long to) {
        double m = Double.NEGATIVE_INFINITY;
        for (Run r : requireRates(config)) {
            double x = r.rates().max(from, to);
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            m = Math.max(m, x);
        }
        return m;
    }

    /** The smallest drop rate any run of {@code config} recorded at iterations {@code from .. to−1} (see {@link RateLog#min}). */
    public double minRate(String config, long from, long to) {
        double m = Double.POSITIVE_INFINITY;
        for (Run r : requireRates(config)) {
            double x = r.rates().min(from, to);
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            m = Math.min(m, x);
        }
        return m;
    }

    /**
     * A probed quantity at checkpoint {@code iteration} over the seeds of {@code config}, e.g.
     * {@code probeSpread("early", 226, ProbeRecord::gdv)}. Every run of {@code config} must have been probed there.
     */
    public SeedSpread probeSpread(String config, long iteration, ToDoubleFunction<ProbeRecord> quantity) {
        Objects.requireNonNull(quantity, "quantity: e.g. ProbeRecord::gdv");
        List<Run> list = require(config);
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            Run r = list.get(i);
            if (r.probes() == null) {
                throw new IllegalArgumentException("configuration '" + config + "', seed " + r.seed() + " was not probed: "
                        + "pass its GradientProbes' log() to add(...)");
            }
            ProbeRecord at = r.probes().records().stream().filter(x -> x.iteration() == iteration).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("configuration '" + config + "', seed " + r.seed()
                            + " has no checkpoint at update " + iteration + "; its checkpoints: "
                            + java.util.Arrays.toString(r.probes().iterations())));
            v[i] = quantity.applyAsDouble(at);
        }
        return SeedSpread.of(v);
    }

    /**
     * One row per checkpoint (those of the first configuration's first run), and for each configuration the mean
     * and sd over its seeds of a probed quantity, e.g.
     * <pre>
     * GDV              no dropout      early, 3 epochs
     * update          mean      sd       mean      sd
     *     10        0.0855  0.0030     0.0920  0.0040
     * </pre>
     */
    public String probeTable(String name, ToDoubleFunction<ProbeRecord> quantity, String... configs) {
        Objects.requireNonNull(name, "name");
        if (configs.length == 0) {
            throw new IllegalArgumentException("no configurations: name at least one probed configuration");
        }
        Run first = require(configs[0]).get(0);
        if (first.probes() == null) {
            throw new IllegalArgumentException("configuration '" + configs[0] + "', seed " + first.seed() + " was not probed: "
                    + "pass its GradientProbes' log() to add(...)");
        }
        int[] widths = new int[configs.length];
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s", name));
        for (int i = 0; i < configs.length; i++) {
            require(configs[i]);
            widths[i] = Math.max(17, configs[i].length());
            s.append(String.format(Locale.ROOT, "   %" + widths[i] + "s", configs[i]));
        }
        s.append(String.format(Locale.ROOT, "%n%-8s", "update"));
        for (int w : widths) {
            s.append(String.format(Locale.ROOT, "   %" + (w - 9) + "s %8s", "mean", "sd"));
        }
        s.append(String.format("%n"));
        for (ProbeRecord r : first.probes().records()) {
            s.append(String.format(Locale.ROOT, "%8d", r.iteration()));
            for (int i = 0; i < configs.length; i++) {
                SeedSpread x = probeSpread(configs[i], r.iteration(), quantity);
                s.append(String.format(Locale.ROOT, "   %" + (widths[i] - 9) + ".4f %8.4f", x.mean(), x.sd()));
            }
            s.append(String.format("%n"));
        }
        return s.toString();
    }

    /**
     * One row per configuration: its number of seeds, then for each metric the mean, sample standard deviation,
     * minimum and maximum over its seeds, e.g.
     * <pre>
     *                           seeds   train loss (dropout off)            test accuracy
     * configuration                      mean      sd     min     max        mean      sd     min     max
     * no dropout                    3   0.3718  0.0091  0.3626  0.3808     0.8467  0.0034  0.8428  0.8494
     * </pre>
     */
    public String table(Metric... metrics) {
        if (metrics.length == 0) {
            throw new IllegalArgumentException("no metrics: name at least one, e.g. table(Metric.TRAIN_LOSS, Metric.TEST_ACCURACY)");
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException("no runs yet: add(...) runs before printing their table");
        }
        int width = Math.max("configuration".length(), runs.keySet().stream().mapToInt(String::length).max().orElse(0));
        String block = "%-35s";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %5s   ", "", "seeds"));
        for (Metric m : metrics) {
            s.append(String.format(Locale.ROOT, block, m.title()));
        }
        s.append(String.format(Locale.ROOT, "%n%-" + width + "s %5s   ", "configuration", ""));
        for (int i = 0; i < metrics.length; i++) {
            s.append(String.format(Locale.ROOT, "%7s %7s %7s %7s    ", "mean", "sd", "min", "max"));
        }
        s.append(String.format("%n"));
        for (String c : runs.keySet()) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s %5d   ", c, seeds(c)));
            for (Metric m : metrics) {
                SeedSpread x = spread(c, m);
                s.append(String.format(Locale.ROOT, "%7.4f %7.4f %7.4f %7.4f    ", x.mean(), x.sd(), x.min(), x.max()));
            }
            s.append(String.format("%n"));
        }
        return s.toString().replaceAll(" +(\\R)", "$1");
    }

    private List<Run> require(String config) {
        Objects.requireNonNull(config, "config");
        List<Run> list = runs.get(config);
        if (list == null) {
            throw new IllegalArgumentException("no runs of configuration '" + config + "'; known: " + runs.keySet());
        }
        return list;
    }

    private List<Run> requireRates(String config) {
        List<Run> list = require(config);
        for (Run r : list) {
            if (r.rates() == null) {
                throw new IllegalArgumentException("configuration '" + config + "', seed " + r.seed() + " has no RateLog: "
                        + "listen with a new RateLog() during fit and pass it to add(...)");
            }
        }
        return list;
    }
}
