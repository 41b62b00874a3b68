package dropout.measure;

import dropout.measure.SeedResults.Metric;
import dropout.early.RateLog;
import dropout.report.Named;
import dropout.report.Report;
import dropout.report.Table;
import dropout.train.Evaluation;
import dropout.train.History;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Study} measured: per (model, schedule) the runs of its seeds, with spreads over seeds and
 * differences to the baseline schedule paired by seed. {@code toString()} is the result table by model:
 * final training loss (dropout off) per schedule, and its paired difference to the baseline.
 */
public final class StudyResults {

    /** One run: its model and schedule, seed, parameter count, and what it measured. */
    record RunData(String model, String schedule, long seed, long parameters, History history, Evaluation train,
                   RateLog rates, ProbeLog probes, double[] trainLossPerEpoch, float[][] testProbabilities) {
    }

    private final List<RunData> runs;
    private final int[] testLabels;
    private final String baseline;
    private final int iterationsPerEpoch;

    StudyResults(List<RunData> runs, int[] testLabels, String baseline, int iterationsPerEpoch) {
        this.runs = List.copyOf(runs);
        this.testLabels = testLabels;
        this.baseline = baseline;
        this.iterationsPerEpoch = iterationsPerEpoch;
    }

    /** These runs and {@code other}'s (the same test set), e.g. a size sweep without dropout plus schedules on some sizes. */
    public StudyResults with(StudyResults other) {
        Objects.requireNonNull(other, "other");
        if (!java.util.Arrays.equals(testLabels, other.testLabels)) {
            throw new IllegalArgumentException("the two studies were tested on different test sets: join only studies "
                    + "that share their test set");
        }
        List<RunData> all = new ArrayList<>(runs);
        for (RunData r : other.runs) {
            if (runs.stream().anyMatch(x -> x.model().equals(r.model()) && x.schedule().equals(r.schedule()) && x.seed() == r.seed())) {
                throw new IllegalArgumentException("both studies hold " + r.model() + ", " + r.schedule() + ", seed " + r.seed()
                        + ": give each run once");
            }
            all.add(r);
        }
        return new StudyResults(all, testLabels, baseline, iterationsPerEpoch);
    }

    /** The models, in the order first run. */
    public List<String> models() {
        return runs.stream().map(RunData::model).distinct().toList();
    }

    /** The schedules of {@code model}, in the order run. */
    public List<String> schedules(String model) {
        List<String> s = runs.stream().filter(r -> r.model().equals(model)).map(RunData::schedule).distinct().toList();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no runs of model '" + model + "'; models: " + models());
        }
        return s;
    }

    /** The schedule paired differences are taken against (the study's first). */
    public String baseline() {
        return baseline;
    }

    /** Updates per epoch of these runs. */
    public int iterationsPerEpoch() {
        return iterationsPerEpoch;
    }

    /** {@code model}'s runs as {@link SeedResults} (configurations = schedules): spreads, mean curves, probes, rates. */
    public SeedResults of(String model) {
        schedules(model);
        SeedResults s = new SeedResults();
        for (RunData r : runs) {
            if (r.model().equals(model)) {
                s.add(r.schedule(), r.seed(), r.history(), r.train(), r.rates(), r.probes());
            }
        }
        return s;
    }

    /** A final metric of (model, schedule) over its seeds. */
    public SeedSpread spread(String model, String schedule, Metric metric) {
        return of(model).spread(schedule, metric);
    }

    /** Per seed, metric(schedule) − metric(baseline) for {@code model}, and their spread over seeds. */
    public SeedSpread difference(String model, String schedule, Metric metric) {
        return of(model).pairedDifference(schedule, baseline, metric);
    }

    /** Number of learnable values of {@code model}. */
    public long parameters(String model) {
        return select(model, schedules(model).get(0)).get(0).parameters();
    }

    /** The parameter count of every model, in order: the x axis of a chart against model size. */
    public double[] parameterCounts() {
        return models().stream().mapToDouble(this::parameters).toArray();
    }

    /**
     * Per epoch, the training loss in prediction mode (dropout off) after that epoch, mean over seeds: the curve
     * that shows whether training has reached its plateau.
     */
    public double[] trainLossCurve(String model, String schedule) {
        List<RunData> list = select(model, schedule);
        int epochs = list.get(0).trainLossPerEpoch().length;
        double[] mean = new double[epochs];
        for (RunData r : list) {
            for (int e = 0; e < epochs; e++) {
                mean[e] += r.trainLossPerEpoch()[e] / list.size();
            }
        }
        return mean;
    }

    /** {@link #trainLossCurve} of the baseline schedule, one series per model. */
    public Named<double[]> trainLossCurves() {
        Named<double[]> n = null;
        for (String m : models()) {
            n = n == null ? Named.of(m, trainLossCurve(m, baseline)) : n.and(m, trainLossCurve(m, baseline));
        }
        return n;
    }

    /** The baseline's final training loss (dropout off) and test loss against model size: two series over {@link #parameterCounts()}. */
    public Named<double[]> regimeSeries() {
        double[] train = models().stream().mapToDouble(m -> spread(m, baseline, Metric.TRAIN_LOSS).mean()).toArray();
        double[] test = models().stream().mapToDouble(m -> spread(m, baseline, Metric.TEST_LOSS).mean()).toArray();
        return Named.of("training loss (dropout off)", train).and("test loss", test);
    }

    /**
     * One row per model, baseline schedule, means over seeds: parameters, final training loss (dropout off), test
     * loss, test − train, and how much each loss still fell over the second half of training (from the middle
     * epoch to the last, relative to the last): near 0 at a plateau; a training loss that still falls while the
     * test loss does not is where fitting the training set stops helping the test set.
     */
    public Table regime() {
        Table t = Table.of("model", "parameters", "train loss", "test loss", "test - train", "train loss fall, 2nd half",
                "test loss fall, 2nd half", "train loss by seed");
        for (String m : models()) {
            double train = spread(m, baseline, Metric.TRAIN_LOSS).mean();
            double test = spread(m, baseline, Metric.TEST_LOSS).mean();
            double[] curve = trainLossCurve(m, baseline);
            double[] testCurve = of(m).meanHistory(baseline).testLoss();
            int mid = curve.length / 2 - 1;
            t.row(m, parameters(m), train, test, test - train, percent((curve[mid] - train) / train),
                    percent((testCurve[mid] - testCurve[testCurve.length - 1]) / testCurve[testCurve.length - 1]),
                    bySeed(select(m, baseline), Metric.TRAIN_LOSS));
        }
        return t;
    }

    /**
     * One row per (model, schedule): {@code metric}'s mean and sd over seeds, and its paired difference to the
     * baseline. Models run with the baseline only (e.g. the rest of a size sweep) are left out.
     */
    public Table table(Metric metric) {
        Table t = Table.of("model", "schedule", metric.title(), "sd", "minus " + baseline, "sd of difference");
        for (String m : compared()) {
            for (String s : schedules(m)) {
                SeedSpread x = spread(m, s, metric);
                if (s.equals(baseline)) {
                    t.row(m, s, x.mean(), x.sd(), "", "");
                } else {
                    SeedSpread d = difference(m, s, metric);
                    t.row(m, s, x.mean(), x.sd(), signed(d.mean()), d.sd());
                }
            }
        }
        return t;
    }

    /** Like {@link #table(Metric)}, with each seed's paired difference as well (for an appendix). */
    public Table seedTable(Metric metric) {
        int seeds = runs.stream().mapToInt(r -> (int) r.seed()).max().orElse(0);
        List<String> headers = new ArrayList<>(List.of("model", "schedule", "mean", "sd", "min", "max"));
        for (int k = 1; k <= seeds; k++) {
            headers.add("seed " + k + " minus " + baseline);
        }
        Table t = Table.of(headers.toArray(String[]::new));
        for (String m : compared()) {
            for (String s : schedules(m)) {
                SeedSpread x = spread(m, s, metric);
                List<Object> row = new ArrayList<>(List.of(m, s, x.mean(), x.sd(), x.min(), x.max()));
                for (int k = 1; k <= seeds; k++) {
                    final long seed = k;
                    RunData a = select(m, s).stream().filter(r -> r.seed() == seed).findFirst().orElse(null);
                    RunData b = hasRuns(m, baseline) ? select(m, baseline).stream().filter(r -> r.seed() == seed).findFirst()
                            .orElse(null) : null;
                    row.add(a == null || b == null || s.equals(baseline) ? "" : signed(value(a, metric) - value(b, metric)));
                }
                t.row(row.toArray());
            }
        }
        return t;
    }

    /** Paired differences to the baseline (means over seeds) of every non-baseline run, named "model: schedule", for a bar chart. */
    public Named<Double> differenceMeans(Metric metric) {
        return differences(metric, false, compared());
    }

    /** {@link #differenceMeans(Metric)} of the named models only (e.g. to give models of very different scale their own chart). */
    public Named<Double> differenceMeans(Metric metric, String... models) {
        return differences(metric, false, List.of(models));
    }

    /** The sd over seeds of each of {@link #differenceMeans}: the bars' error bars. */
    public Named<Double> differenceSds(Metric metric) {
        return differences(metric, true, compared());
    }

    /** {@link #differenceSds(Metric)} of the named models only. */
    public Named<Double> differenceSds(Metric metric, String... models) {
        return differences(metric, true, List.of(models));
    }

    private Named<Double> differences(Metric metric, boolean sd, List<String> models) {
        Named<Double> n = null;
        for (String m : models) {
            for (String s : schedules(m)) {
                if (s.equals(baseline)) {
                    continue;
                }
                SeedSpread d = difference(m, s, metric);
                double v = sd ? d.sd() : d.mean();
                String key = m + ": " + s;
                n = n == null ? Named.of(key, v) : n.and(key, v);
            }
        }
        if (n == null) {
            throw new IllegalStateException("no schedule besides the baseline '" + baseline + "' was run: nothing to compare");
        }
        return n;
    }

    /**
     * Means over seeds of several metrics, one row per named (model, schedule) pair that was run, e.g. to set
     * two dropout rates side by side.
     */
    public Table means(List<String> models, List<String> schedules, Metric... metrics) {
        List<String> headers = new ArrayList<>(List.of("model", "schedule"));
        for (Metric x : metrics) {
            headers.add(x.title());
        }
        Table t = Table.of(headers.toArray(String[]::new));
        for (String m : models) {
            for (String s : schedules) {
                if (!hasRuns(m, s)) {
                    continue;
                }
                List<Object> row = new ArrayList<>(List.of(m, s));
                for (Metric x : metrics) {
                    row.add(spread(m, s, x).mean());
                }
                t.row(row.toArray());
            }
        }
        return t;
    }

    /** The probes' checkpoints (updates done) of {@code model}'s probed runs: the x axis of a probe chart. */
    public double[] probeUpdates(String model) {
        RunData probed = runs.stream().filter(r -> r.model().equals(model) && r.probes() != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no probed run of model '" + model + "': give it to "
                        + "Study.probe(...)"));
        return probed.probes().iterations();
    }

    /** A probed quantity at every checkpoint, mean over seeds, one series per named schedule of {@code model}. */
    public Named<double[]> probeCurves(String model, java.util.function.ToDoubleFunction<ProbeRecord> quantity,
                                       String... schedules) {
        SeedResults s = of(model);
        Named<double[]> n = null;
        for (String name : schedules) {
            double[] v = s.meanProbes(name).column(quantity);
            n = n == null ? Named.of(name, v) : n.and(name, v);
        }
        if (n == null) {
            throw new IllegalArgumentException("no schedules: name the probed ones, e.g. \"no dropout\", \"early\"");
        }
        return n;
    }

    /** {@link #probeCurves(String, java.util.function.ToDoubleFunction, String...)} of several models in one map, named "model, schedule". */
    public Named<double[]> probeCurves(List<String> models, java.util.function.ToDoubleFunction<ProbeRecord> quantity,
                                       String... schedules) {
        Named<double[]> n = null;
        for (String m : models) {
            for (var e : probeCurves(m, quantity, schedules).entrySet()) {
                String key = m + ", " + e.getKey();
                n = n == null ? Named.of(key, e.getValue()) : n.and(key, e.getValue());
            }
        }
        if (n == null) {
            throw new IllegalArgumentException("no models: name at least one probed model, e.g. List.of(\"width 8\")");
        }
        return n;
    }

    /** The bias–variance split over the seeds of (model, schedule), on the test set. */
    public BiasVariance biasVariance(String model, String schedule) {
        return BiasVariance.of(select(model, schedule).stream().map(RunData::testProbabilities).toList(), testLabels);
    }

    /** {@link #biasVariance} for each named schedule of each named model. */
    public Table biasVarianceTable(List<String> models, List<String> schedules) {
        Table t = Table.of("model", "schedule", "error of one model", "error of the average", "variance", "variance share",
                "accuracy, one model", "accuracy, average");
        for (String m : models) {
            for (String s : schedules) {
                BiasVariance b = biasVariance(m, s);
                t.row(m, s, b.meanError(), b.averagedError(), b.variance(), percent(b.varianceShare()), b.meanAccuracy(),
                        b.averagedAccuracy());
            }
        }
        return t;
    }

    /**
     * Per seed, the first epoch after which the training loss (dropout off) is at most {@code target}; 0 where a run
     * never got there.
     */
    public int[] epochsTo(String model, String schedule, double target) {
        List<RunData> list = select(model, schedule);
        int[] e = new int[list.size()];
        for (int i = 0; i < e.length; i++) {
            double[] c = list.get(i).trainLossPerEpoch();
            for (int k = 0; k < c.length && e[i] == 0; k++) {
                if (c[k] <= target) {
                    e[i] = k + 1;
                }
            }
        }
        return e;
    }

    /** For each named schedule of {@code model}: the epochs each seed needed to reach a training loss (dropout off) of {@code target}. */
    public Table epochsToTable(String model, double target, String... schedules) {
        int seeds = select(model, schedules[0]).size();
        List<String> headers = new ArrayList<>(List.of("schedule"));
        for (int k = 1; k <= seeds; k++) {
            headers.add("seed " + k);
        }
        headers.add("mean");
        Table t = Table.of(headers.toArray(String[]::new)).decimals(1);
        for (String s : schedules) {
            int[] e = epochsTo(model, s, target);
            List<Object> row = new ArrayList<>(List.of(s));
            boolean all = true;
            double sum = 0;
            for (int x : e) {
                row.add(x == 0 ? "not reached" : (Object) x);
                all &= x > 0;
                sum += x;
            }
            row.add(all ? (Object) (sum / e.length) : "");
            t.row(row.toArray());
        }
        return t;
    }

    /** The paired difference to the baseline of every other schedule of the named models, named "model: schedule". */
    public Named<SeedSpread> differences(Metric metric, String... models) {
        Named<SeedSpread> n = null;
        for (String m : models.length == 0 ? compared() : List.of(models)) {
            for (String s : schedules(m)) {
                if (!s.equals(baseline)) {
                    n = n == null ? Named.of(m + ": " + s, difference(m, s, metric)) : n.and(m + ": " + s, difference(m, s, metric));
                }
            }
        }
        if (n == null) {
            throw new IllegalStateException("no schedule besides the baseline '" + baseline + "' was run: nothing to compare");
        }
        return n;
    }

    /**
     * The paired differences to the baseline of every schedule of the named models: mean and sd over seeds,
     * Student's t = mean / (sd / √n) with its degrees of freedom n − 1, how many seeds lie above 0, and each
     * seed's difference. With 3 seeds, |t| must exceed 4.30 for a two-sided 5 % test.
     */
    public Table pairedTable(Metric metric, String... models) {
        int seeds = runs.stream().mapToInt(r -> (int) r.seed()).max().orElse(0);
        List<String> headers = new ArrayList<>(List.of("model", "schedule", metric.title() + " minus " + baseline, "sd",
                "t", "df", "seeds above 0"));
        for (int k = 1; k <= seeds; k++) {
            headers.add("seed " + k);
        }
        Table t = Table.of(headers.toArray(String[]::new));
        for (String m : models.length == 0 ? compared() : List.of(models)) {
            for (String s : schedules(m)) {
                if (s.equals(baseline)) {
                    continue;
                }
                double[] d = seedDifferences(m, s, metric);
                SeedSpread x = SeedSpread.of(d);
                List<Object> row = new ArrayList<>(List.of(m, s, signed(x.mean()), x.sd(), Report.number(x.tStatistic(), 2),
                        x.degreesOfFreedom(), java.util.Arrays.stream(d).filter(v -> v > 0).count() + " of " + d.length));
                for (int k = 0; k < seeds; k++) {
                    row.add(k < d.length ? signed(d[k]) : "");
                }
                t.row(row.toArray());
            }
        }
        return t;
    }

    /** Per seed (in seed order), metric(schedule) − metric(baseline) of {@code model}; only seeds both ran. */
    public double[] seedDifferences(String model, String schedule, Metric metric) {
        List<RunData> a = select(model, schedule);
        List<RunData> b = select(model, baseline);
        return a.stream().sorted(java.util.Comparator.comparingLong(RunData::seed))
                .filter(r -> b.stream().anyMatch(x -> x.seed() == r.seed()))
                .mapToDouble(r -> value(r, metric) - value(b.stream().filter(x -> x.seed() == r.seed()).findFirst().get(), metric))
                .toArray();
    }

    /**
     * Like {@link #means}, with each metric's sd over seeds beside its mean: e.g. two dropout rates side by side,
     * with how much their seeds scatter.
     */
    public Table meansWithSd(List<String> models, List<String> schedules, Metric... metrics) {
        List<String> headers = new ArrayList<>(List.of("model", "schedule"));
        for (Metric x : metrics) {
            headers.add(x.title());
            headers.add("sd");
        }
        Table t = Table.of(headers.toArray(String[]::new));
        for (String m : models) {
            for (String s : schedules) {
                if (!hasRuns(m, s)) {
                    continue;
                }
                List<Object> row = new ArrayList<>(List.of(m, s));
                for (Metric x : metrics) {
                    SeedSpread v = spread(m, s, x);
                    row.add(v.mean());
                    row.add(v.sd());
                }
                t.row(row.toArray());
            }
        }
        return t;
    }

    /** A target training loss for one model, for {@link #epochsToTable(List, Target...)}. */
    public record Target(String model, double loss) {
        public Target {
            Objects.requireNonNull(model, "model");
            if (!(loss > 0) || !Double.isFinite(loss)) {
                throw new IllegalArgumentException("target loss " + loss + " for '" + model + "': give a finite loss > 0, "
                        + "e.g. new Target(\"width 8\", 0.7)");
            }
        }
    }

    /** A target: {@code model} down to a training loss (dropout off) of {@code loss}. */
    public static Target target(String model, double loss) {
        return new Target(model, loss);
    }

    /**
     * One table for several targets: per target and named schedule, the epochs each seed needed to reach the
     * target's training loss (dropout off), and their mean where every seed got there.
     */
    public Table epochsToTable(List<String> schedules, Target... targets) {
        if (targets.length == 0) {
            throw new IllegalArgumentException("no targets: give at least one, e.g. target(\"width 8\", 0.7)");
        }
        int seeds = select(targets[0].model(), schedules.get(0)).size();
        List<String> headers = new ArrayList<>(List.of("model", "down to", "schedule"));
        for (int k = 1; k <= seeds; k++) {
            headers.add("seed " + k);
        }
        headers.add("mean");
        Table t = Table.of(headers.toArray(String[]::new)).decimals(1);
        for (Target g : targets) {
            for (String s : schedules) {
                int[] e = epochsTo(g.model(), s, g.loss());
                List<Object> row = new ArrayList<>(List.of(g.model(), Report.number(g.loss(), 2), s));
                boolean all = true;
                double sum = 0;
                for (int k = 0; k < seeds; k++) {
                    int x = k < e.length ? e[k] : 0;
                    row.add(x == 0 ? "not reached" : (Object) x);
                    all &= x > 0;
                    sum += x;
                }
                row.add(all ? (Object) (sum / seeds) : "");
                t.row(row.toArray());
            }
        }
        return t;
    }

    /**
     * Did the schedules do what they say? Per model run with both: the largest drop rate {@code early}'s runs held
     * from its cutoff on (should be 0), and the largest before and smallest from {@code late}'s cutoff on (0 and p),
     * as recorded at every update.
     */
    public Table scheduleCheck(String earlyName, long earlyCutoff, String lateName, long lateCutoff) {
        Table t = Table.of("model", earlyName + ": largest rate from update " + earlyCutoff,
                lateName + ": largest rate before " + lateCutoff, lateName + ": smallest rate from " + lateCutoff).decimals(3);
        for (String m : models()) {
            if (!hasRuns(m, earlyName) || !hasRuns(m, lateName)) {
                continue;
            }
            SeedResults r = of(m);
            t.row(m, r.maxRate(earlyName, earlyCutoff, Long.MAX_VALUE), r.maxRate(lateName, 0, lateCutoff),
                    r.minRate(lateName, lateCutoff, Long.MAX_VALUE));
        }
        return t;
    }

    private static String bySeed(List<RunData> list, Metric metric) {
        return String.join(" / ", list.stream().sorted(java.util.Comparator.comparingLong(RunData::seed))
                .map(r -> Report.number(value(r, metric), 4)).toList());
    }

    /** The result table: {@link #table(Metric)} for the final training loss with dropout off. */
    @Override
    public String toString() {
        return table(Metric.TRAIN_LOSS).toString();
    }

    private static String signed(double x) {
        return (x >= 0 ? "+" : "") + Report.number(x, 4);
    }

    private static String percent(double x) {
        return Report.number(100 * x, 1) + " %";
    }

    /** Models run with more than the baseline schedule. */
    private List<String> compared() {
        return models().stream().filter(m -> schedules(m).size() > 1).toList();
    }

    private boolean hasRuns(String model, String schedule) {
        return runs.stream().anyMatch(r -> r.model().equals(model) && r.schedule().equals(schedule));
    }

    private List<RunData> select(String model, String schedule) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(schedule, "schedule");
        List<RunData> list = runs.stream().filter(r -> r.model().equals(model) && r.schedule().equals(schedule)).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no runs of model '" + model + "' with schedule '" + schedule + "'; models: "
                    + models() + (models().contains(model) ? ", its schedules: " + new LinkedHashSet<>(schedules(model)) : ""));
        }
        return list;
    }

    private static double value(RunData r, Metric metric) {
        return switch (metric) {
            case TRAIN_LOSS -> r.train().loss();
            case TRAIN_ACCURACY -> r.train().accuracy();
            case TEST_LOSS -> r.history().last().testLoss();
            case TEST_ACCURACY -> r.history().last().testAccuracy();
            case ACCURACY_GAP -> r.train().accuracy() - r.history().last().testAccuracy();
        };
    }
}
