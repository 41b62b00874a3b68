package dropout.measure;

import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.Optimizer;
import dropout.arrays.Scratch;
import dropout.nn.Sgd;
import dropout.nn.SoftmaxCrossEntropy;
import dropout.early.RateLog;
import dropout.train.DropoutSchedule;
import dropout.train.Evaluation;
import dropout.train.History;
import dropout.train.IterationListener;
import dropout.train.Step;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A multi-seed experiment: every named model trained with every named dropout schedule, once per seed, paired by
 * seed. Seed s gives every (model, schedule) the same initial weights (for the same model), mask stream and batch
 * order, so a difference between two schedules at seed s comes from the schedule. Usage:
 * <pre>{@code
 * StudyResults r = Study.of(train, test, config).seeds(3)
 *         .models(Named.of("width 8", Mlp.sizes(784, 8, 10).dropoutEverywhere(InvertedDropout.drop(0.1))))
 *         .schedules(Named.of("no dropout", Schedules.none()).and("early", Schedules.early(p, 5, perEpoch)))
 *         .run();
 * System.out.println(r);   // the result table
 * }</pre>
 * The first schedule is the baseline of paired differences. Each run records its per-epoch history, its training
 * loss and accuracy in prediction mode (dropout off) after every epoch, the drop rates it used, its class
 * probabilities on the test set at the end (for {@link BiasVariance}) and, where asked, gradient probes.
 */
public final class Study {
    private final Dataset train;
    private final Dataset test;
    private final TrainConfig config;
    private Optimizer.Factory optimizer = Sgd::new;
    private int seeds = 3;
    private final Map<String, Mlp> models = new LinkedHashMap<>();
    private final Map<String, DropoutSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, long[]> probedCheckpoints = new LinkedHashMap<>();
    private final Map<String, Set<String>> probedSchedules = new LinkedHashMap<>();
    private int probeBatches = 16;
    private int probeBatchSize = 256;
    private int referenceSize = 10_000;

    private Study(Dataset train, Dataset test, TrainConfig config) {
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        this.config = Objects.requireNonNull(config, "config: e.g. TrainConfig.d2l().epochs(20)");
    }

    public static Study of(Dataset train, Dataset test, TrainConfig config) {
        return new Study(train, test, config);
    }

    /** How parameters are updated (default SGD): e.g. {@code Adam::new}, made fresh for every run. */
    public Study optimizer(Optimizer.Factory optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer: e.g. Sgd::new or Adam::new");
        return this;
    }

    /** Trains every configuration with seeds 1 .. n (default 3). */
    public Study seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("seeds = " + n + ": train each configuration with at least 1 seed "
                    + "(3 or more to see a spread)");
        }
        this.seeds = n;
        return this;
    }

    /** The models, by name, in order (e.g. a {@code Named<Mlp>}); each is built afresh for every run. */
    public Study models(Map<String, Mlp> models) {
        Objects.requireNonNull(models, "models");
        models.forEach((name, mlp) -> this.models.put(name, Objects.requireNonNull(mlp, "model '" + name + "'")));
        return this;
    }

    /** The schedules, by name, in order; the first is the baseline of paired differences (usually "no dropout"). */
    public Study schedules(Map<String, DropoutSchedule> schedules) {
        Objects.requireNonNull(schedules, "schedules");
        schedules.forEach((name, s) -> this.schedules.put(name, Objects.requireNonNull(s, "schedule '" + name + "'")));
        return this;
    }

    /**
     * Probes the gradients of {@code model}'s runs with the named schedules after the given numbers of updates
     * (see {@link GradientProbes}): 16 mini-batch gradients of 256 examples each, and the full gradient over the
     * first 10,000 training examples (or all of them, if fewer). Call it once per probed model.
     */
    public Study probe(String model, long[] checkpoints, String... schedules) {
        Objects.requireNonNull(model, "model");
        probedCheckpoints.put(model, Objects.requireNonNull(checkpoints,
                "checkpoints: e.g. GradientProbes.logSpaced(8, 10, total)").clone());
        probedSchedules.put(model, Set.of(schedules));
        return this;
    }

    /** Trains every model with every schedule and seed, in that order, and returns what they measured. */
    public StudyResults run() {
        if (models.isEmpty() || schedules.isEmpty()) {
            throw new IllegalStateException("nothing to run: give at least one model (models(...)) and one schedule "
                    + "(schedules(...)); models " + models.keySet() + ", schedules " + schedules.keySet());
        }
        for (String probedModel : probedSchedules.keySet()) {
            if (!models.containsKey(probedModel)) {
                throw new IllegalStateException("probe: no model '" + probedModel + "'; models: " + models.keySet());
            }
            for (String s : probedSchedules.get(probedModel)) {
                if (!schedules.containsKey(s)) {
                    throw new IllegalStateException("probe: no schedule '" + s + "'; schedules: " + schedules.keySet());
                }
            }
        }
        int perEpoch = config.iterationsPerEpoch(train.size());
        List<StudyResults.RunData> runs = new ArrayList<>();
        for (var m : models.entrySet()) {
            for (var s : schedules.entrySet()) {
                for (int seed = 1; seed <= seeds; seed++) {
                    runs.add(runOne(m.getKey(), m.getValue(), s.getKey(), s.getValue(), seed, perEpoch));
                }
            }
        }
        return new StudyResults(runs, test.labels(0, test.size()), schedules.keySet().iterator().next(), perEpoch);
    }

    private StudyResults.RunData runOne(String model, Mlp mlp, String name, DropoutSchedule schedule, int seed, int perEpoch) {
        Rng root = Rng.seeded(seed);
        Network net = mlp.build(root.split());
        RateLog rates = new RateLog();
        TrainLoss trainLoss = new TrainLoss(train, perEpoch);
        Trainer trainer = new Trainer(config.seed(seed)).quiet().optimizer(optimizer).schedule(schedule).listen(rates);
        GradientProbes probes = null;
        if (probedSchedules.getOrDefault(model, Set.of()).contains(name)) {
            probes = GradientProbes.of(net, train, root.split()).at(probedCheckpoints.get(model)).batches(probeBatches, probeBatchSize)
                    .reference(train.first(Math.min(referenceSize, train.size())));
            trainer.listen(probes);
        }
        trainer.listen(trainLoss);
        History history = trainer.fit(model + ", " + name, net, train, test);
        return new StudyResults.RunData(model, name, seed, net.parameterCount(), history, trainLoss.last, rates,
                probes == null ? null : probes.log(), trainLoss.curve(), probabilities(net, test));
    }

    /** The network's class probabilities (softmax of its prediction-mode logits) for every example of {@code data}. */
    static float[][] probabilities(Network net, Dataset data) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batch = 1000;
        Scratch inputs = new Scratch(data.dim());
        int[] labels = new int[batch];
        float[][] p = new float[n][];
        for (int start = 0; start < n; start += batch) {
            int rows = Math.min(batch, n - start);
            INDArray x = inputs.get(rows);
            data.gather(order, start, rows, Buffers.of(x), labels);
            INDArray logits = net.forward(x, Mode.PREDICT);
            FloatBuffer z = Buffers.of(logits);
            int classes = (int) logits.size(1);
            double[] q = new double[classes];
            for (int r = 0; r < rows; r++) {
                SoftmaxCrossEntropy.softmax(z, r * classes, classes, q);
                float[] row = new float[classes];
                for (int c = 0; c < classes; c++) {
                    row[c] = (float) q[c];
                }
                p[start + r] = row;
            }
        }
        return p;
    }

    /** After the last update of every epoch: loss and accuracy on the training set in prediction mode (dropout off). */
    private static final class TrainLoss implements IterationListener {
        private final Dataset train;
        private final int perEpoch;
        private final List<Double> losses = new ArrayList<>();
        private Evaluation last;

        TrainLoss(Dataset train, int perEpoch) {
            this.train = train;
            this.perEpoch = perEpoch;
        }

        @Override
        public void afterStep(Step step) {
            if ((step.iteration() + 1) % perEpoch == 0) {
                last = Evaluation.of(step.network(), train, 1000);
                losses.add(last.loss());
            }
        }

        double[] curve() {
            return losses.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
