package dropout.measure;

import dropout.core.DropoutRate;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.nn.FullyConnected;
import dropout.nn.LabelScratch;
import dropout.nn.Layer;
import dropout.nn.Network;
import dropout.nn.Param;
import dropout.nn.Sampling;
import dropout.arrays.Scratch;
import dropout.nn.StochasticLayer;
import dropout.train.IterationListener;
import dropout.train.Step;
import java.util.stream.LongStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The analysis of Liu et al. (2023, §3), measured at chosen checkpoints while a {@link dropout.train.Trainer}
 * runs, without disturbing the run: the same seeds give a bit-identical {@link dropout.train.History} with or
 * without probes. At each checkpoint it records a {@link ProbeRecord}:
 * <ul>
 * <li>k mini-batch gradients gᵢ, each of b examples drawn without replacement (the k·b examples are distinct)
 *     from the training set by the probes' own {@link Rng}, in training mode with the dropout rate of the update
 *     just done, as the paper does; from them the mean gradient norm ‖gᵢ‖₂ and GDV;</li>
 * <li>the full-data gradient ĝ with dropout off (every dropout layer at p = 0), over the reference data (the
 *     training set unless {@link #reference(Dataset)} says otherwise), and from it GDE and the full-data loss;</li>
 * <li>‖W − W₀‖₂ over all parameters, W₀ copied when the probes are made: make them before training.</li>
 * </ul>
 * <b>Cost per checkpoint</b> (P parameters): k forward/backward passes of b examples (k·b examples, e.g.
 * 16 × 256 = 4,096, about 7% of a 60,000-example epoch's compute); one forward/backward pass over the
 * reference data (about one epoch's forward/backward work without the updates; pass a subset to
 * {@link #reference(Dataset)} to make it cheaper, or {@link #withoutReference()} to skip ĝ and GDE);
 * k(k−1)/2 + 2k dot products of length P for GDV, GDE and the norms; copies of P values. Memory:
 * (k + 3)·P floats and P doubles, allocated at the first checkpoint. {@link #seconds()} says what it took.
 * <p>
 * <b>Why the run is undisturbed</b>: during a measurement every {@link StochasticLayer} draws its masks from the
 * probes' own stream (a {@link Sampling} scope), so the training mask streams do not advance; dropout
 * rates changed for ĝ are put back; parameters are only read; the parameter-gradient buffers, overwritten
 * by the probe passes, are restored to the training step's gradient (the next step recomputes them anyway:
 * {@code Dense.backward} writes its gradients with β = 0 and clears its bias sums first). Layers with
 * state the probes cannot restore are refused when the probes are made: layers with parameters that are not
 * {@link FullyConnected} (batch norm keeps running averages). Parameter-free layers (activations) are
 * assumed to keep no state between steps. What the probes do change: each layer's scratch output buffers and
 * the loss's last logits and correct count, all of which the next step overwrites before reading.
 * <p>
 * Usage: <pre>{@code
 * Rng root = Rng.seeded(seed);
 * Network net = Mlp.sizes(784, 32, 10).dropoutEverywhere(InvertedDropout.drop(0.1)).build(root.split());
 * GradientProbes probes = GradientProbes.of(net, train, root.split())
 *         .at(GradientProbes.logSpaced(8, 10, totalIterations)).batches(16, 256).reference(train.first(10_000));
 * History h = new Trainer(config).schedule(schedule).listen(probes).fit(label, net, train, test);
 * ProbeLog log = probes.log();   // log.iterations(), log.gdv(), log.gde(), ...
 * }</pre>
 * The epochs' {@code seconds} in the History include the probes' time (the trainer times its listeners).
 */
public final class GradientProbes implements IterationListener {
    private final Network net;
    private final Dataset train;
    private final Rng maskRng;
    private final Rng batchRng;
    private final float[] initial;
    private final int parameterCount;
    private final List<ProbeRecord> records = new ArrayList<>();

    private long[] checkpoints = {};
    private int next;
    private int batches = 16;
    private int batchSize = 256;
    private Dataset reference;
    private int referenceChunk = 256;
    private long nanos;

    // Buffers, allocated at the first measurement.
    private float[][] gradients;
    private float[] current;
    private float[] stepGradient;
    private double[] full;
    private int[] pool;
    private int[] referenceOrder;
    private Scratch inputs;
    private LabelScratch labels;

    private GradientProbes(Network net, Dataset train, Rng rng) {
        this.net = Objects.requireNonNull(net, "net");
        this.train = Objects.requireNonNull(train, "train: give the training set the network learns from");
        Objects.requireNonNull(rng, "rng: give the probes their own stream, e.g. Rng.seeded(seed).split()");
        checkRestorable(net);
        this.maskRng = rng.split();
        this.batchRng = rng.split();
        this.reference = train;
        long count = net.parameterCount();
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the network has " + count + " parameters: the probes hold flat arrays, "
                    + "at most " + Integer.MAX_VALUE + " values");
        }
        this.parameterCount = (int) count;
        this.initial = new float[parameterCount];
        copyValues(net.params(), initial);
    }

    /**
     * Probes for {@code net}, which learns from {@code train}; {@code rng} drives the probes' mini-batch choice and
     * dropout masks only. Give them a stream of their own: split the run's root after the network's split
     * ({@code build(root.split())}, then {@code of(net, train, root.split())}); note that {@code Rng.seeded(seed).split()}
     * is the very stream {@code Mlp.build(seed)} gives its first layer. Copies W₀ now: make
     * the probes right after building the network. No checkpoints yet: add them with {@link #at(long...)}.
     */
    public static GradientProbes of(Network net, Dataset train, Rng rng) {
        return new GradientProbes(net, train, rng);
    }

    /**
     * The checkpoints, in updates done (iteration t's listener call measures checkpoint t + 1), each ≥ 1, any
     * order; duplicates count once. Measure at initialisation with {@link #measure(long, DropoutRate)} before
     * training.
     */
    public GradientProbes at(long... updatesDone) {
        requireUnused("at");
        long[] c = updatesDone.clone();
        Arrays.sort(c);
        if (c.length > 0 && c[0] < 1) {
            throw new IllegalArgumentException("checkpoint " + c[0] + ": checkpoints count updates done, so the first is 1 "
                    + "(after the first update). For the initial network call probes.measure(0, schedule.at(0)) before fit.");
        }
        checkpoints = Arrays.stream(c).distinct().toArray();
        next = 0;
        return this;
    }

    /** {@code count} checkpoints spread evenly over {@code totalIterations} updates, the last at the end: round(i·total/count), i = 1..count. */
    public static long[] evenly(int count, long totalIterations) {
        if (count < 1 || totalIterations < 1) {
            throw new IllegalArgumentException("evenly(" + count + ", " + totalIterations + "): give at least 1 checkpoint over at "
                    + "least 1 iteration, e.g. evenly(8, epochs × iterationsPerEpoch)");
        }
        long[] c = new long[count];
        for (int i = 1; i <= count; i++) {
            c[i - 1] = Math.max(1, Math.round((double) i * totalIterations / count));
        }
        return Arrays.stream(c).distinct().toArray();
    }

    /**
     * {@code checkpoints} with {@code extra} updates added, sorted, duplicates dropped: e.g. the last update
     * before a schedule's cutoff beside log-spaced ones. Every update must be ≥ 1.
     */
    public static long[] including(long[] checkpoints, long... extra) {
        Objects.requireNonNull(checkpoints, "checkpoints");
        long[] all = LongStream.concat(Arrays.stream(checkpoints), Arrays.stream(extra)).sorted().distinct().toArray();
        if (all.length > 0 && all[0] < 1) {
            throw new IllegalArgumentException("including: update " + all[0] + " is below 1; a probe is taken after at "
                    + "least one update, e.g. including(checkpoints, cutoff - 1) with cutoff ≥ 2");
        }
        return all;
    }

    /**
     * {@code count} checkpoints spaced geometrically from {@code first} to {@code totalIterations} (both included):
     * round(first · (total/first)^(i/(count−1))), i = 0..count−1, duplicates dropped. Dense early, where a short
     * dropout phase lives, e.g. {@code logSpaced(8, 10, 2350)} = 10, 22, 48, 104, 226, 494, 1077, 2350.
     */
    public static long[] logSpaced(int count, long first, long totalIterations) {
        if (count < 2 || first < 1 || totalIterations < first) {
            throw new IllegalArgumentException("logSpaced(" + count + ", " + first + ", " + totalIterations + "): give at least 2 "
                    + "checkpoints and 1 ≤ first ≤ totalIterations, e.g. logSpaced(8, 10, epochs × iterationsPerEpoch)");
        }
        long[] c = new long[count];
        double ratio = (double) totalIterations / first;
        for (int i = 0; i < count; i++) {
            c[i] = i == count - 1 ? totalIterations : Math.round(first * StrictMath.pow(ratio, (double) i / (count - 1)));
        }
        return Arrays.stream(c).distinct().toArray();
    }

    /** k mini-batch gradients of {@code batchSize} examples each per checkpoint (default 16 × 256); k ≥ 2 and k · batchSize ≤ training-set size. */
    public GradientProbes batches(int k, int batchSize) {
        requireUnused("batches");
        if (k < 2) {
            throw new IllegalArgumentException("k = " + k + " mini-batch gradients: GDV compares pairs, so give at least 2 (the notebook uses 16)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + ": a mini-batch needs at least 1 example (use the training batch size)");
        }
        requireFits(k, batchSize);
        this.batches = k;
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Computes ĝ over {@code data} instead of the whole training set, e.g. {@code train.first(10_000)} to cut the
     * largest cost six-fold (ĝ then estimates the full gradient from those examples).
     */
    public GradientProbes reference(Dataset data) {
        requireUnused("reference");
        Objects.requireNonNull(data, "data: give a dataset, or call withoutReference() to skip ĝ and GDE");
        if (data.dim() != train.dim()) {
            throw new IllegalArgumentException("reference data has " + data.dim() + " features but the training set " + train.dim()
                    + ": ĝ must be taken on the same kind of examples");
        }
        this.reference = data;
        return this;
    }

    /** Skips ĝ: GDE and the full-data loss are recorded as NaN, and a checkpoint costs only the k mini-batch passes. */
    public GradientProbes withoutReference() {
        requireUnused("withoutReference");
        this.reference = null;
        return this;
    }

    /** Rows per forward/backward pass when computing ĝ (default 256; ĝ does not depend on it beyond rounding). */
    public GradientProbes referenceChunk(int rows) {
        requireUnused("referenceChunk");
        if (rows < 1) {
            throw new IllegalArgumentException("referenceChunk = " + rows + ": give at least 1 row per pass (256 reuses the training buffers)");
        }
        this.referenceChunk = rows;
        return this;
    }

    @Override
    public void afterStep(Step step) {
        if (step.network() != net) {
            throw new IllegalStateException("these probes were made for another network: make one GradientProbes per "
                    + "network with GradientProbes.of(net, train, rng) and listen with it on that network's run only");
        }
        long done = step.iteration() + 1;
        while (next < checkpoints.length && checkpoints[next] < done) {
            next++;
        }
        if (next < checkpoints.length && checkpoints[next] == done) {
            next++;
            measure(done);
        }
    }

    /** Measures now, labelled {@code iteration}, with the dropout layers' current rates; returns and records the result. */
    public ProbeRecord measure(long iteration) {
        return measure(iteration, null);
    }

    /**
     * Measures now with every dropout layer at {@code rate} for the mini-batch gradients (their own rates are put back
     * afterwards); null keeps the current rates. Before training, {@code measure(0, schedule.at(0))} records the
     * initial point of a scheduled run.
     */
    public ProbeRecord measure(long iteration, DropoutRate rate) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration = " + iteration + ": label a measurement with the updates done, 0 or more");
        }
        long started = System.nanoTime();
        allocate();
        List<Param> params = net.params();
        copyGradients(params, stepGradient);
        ProbeRecord record;
        try (Sampling scope = Sampling.of(net).sharedStream(maskRng)) {
            if (rate != null) {
                scope.rate(rate);
            }
            double p = net.dropoutRate().dropProbability();
            copyValues(params, current);
            double distance = GradientMath.distance(current, initial);
            drawBatches();
            for (int i = 0; i < batches; i++) {
                INDArray x = inputs.get(batchSize);
                int[] y = labels.get(batchSize);
                train.gather(pool, i * batchSize, batchSize, Buffers.of(x), y);
                net.lossAndGradients(x, y);
                copyGradients(params, gradients[i]);
            }
            double gradNorm = GradientMath.meanNorm(gradients);
            double gdv = GradientMath.directionVariance(gradients);
            double gde = Double.NaN;
            double fullLoss = Double.NaN;
            if (reference != null) {
                scope.rate(DropoutRate.NONE);
                fullLoss = accumulateFullGradient(net, reference, referenceChunk, full, inputs, labels, referenceOrder);
                gde = GradientMath.directionError(gradients, full);
            }
            record = new ProbeRecord(iteration, p, gradNorm, distance, gdv, gde, fullLoss);
        } finally {
            restoreGradients(stepGradient, params);
        }
        records.add(record);
        nanos += System.nanoTime() - started;
        return record;
    }

    /** Everything measured so far, in order. */
    public ProbeLog log() {
        return new ProbeLog(records);
    }

    /** Wall-clock seconds spent measuring so far. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** The checkpoints still to come and those passed, sorted. */
    public long[] checkpoints() {
        return checkpoints.clone();
    }

    /**
     * ĝ: the gradient of the mean loss over all of {@code data}, with dropout off (every dropout layer's rate set
     * to 0 for the passes and put back after), into {@code out} (length = parameter count, parameters in
     * {@link Network#params()} order, each flattened in C order). Returns the mean loss. It runs forward/backward
     * passes of {@code chunkRows} rows and sums rows × (each chunk's mean-loss gradient), then divides by the
     * number of examples: one pass over the data. The parameter-gradient buffers are left holding the last chunk's
     * gradient.
     */
    public static double fullGradient(Network net, Dataset data, int chunkRows, double[] out) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows = " + chunkRows + ": give at least 1 row per pass");
        }
        if (out.length != net.parameterCount()) {
            throw new IllegalArgumentException("out has " + out.length + " slots for " + net.parameterCount()
                    + " parameters: allocate new double[(int) net.parameterCount()]");
        }
        return Sampling.of(net).rate(DropoutRate.NONE).call(() -> accumulateFullGradient(net, data, chunkRows, out,
                new Scratch(data.dim()), new LabelScratch(), identity(data.size())));
    }

    private static double accumulateFullGradient(Network net, Dataset data, int chunkRows, double[] out, Scratch inputs,
                                                 LabelScratch labels, int[] order) {
        Arrays.fill(out, 0.0);
        List<Param> params = net.params();
        int n = data.size();
        double lossSum = 0;
        for (int start = 0; start < n; start += chunkRows) {
            int rows = Math.min(chunkRows, n - start);
            INDArray x = inputs.get(rows);
            int[] y = labels.get(rows);
            data.gather(order, start, rows, Buffers.of(x), y);
            lossSum += net.lossAndGradients(x, y) * rows;
            int off = 0;
            for (Param p : params) {
                java.nio.FloatBuffer g = Buffers.of(p.gradient());
                int len = (int) p.gradient().length();
                for (int j = 0; j < len; j++) {
                    out[off + j] += rows * (double) g.get(j);
                }
                off += len;
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= n;
        }
        return lossSum / n;
    }

    /** All parameter values, flattened in {@link Network#params()} order (each parameter in C order). */
    public static float[] flatValues(Network net) {
        float[] v = new float[(int) net.parameterCount()];
        copyValues(net.params(), v);
        return v;
    }

    /** All parameter gradients (of the last backward pass), flattened like {@link #flatValues}. */
    public static float[] flatGradients(Network net) {
        float[] g = new float[(int) net.parameterCount()];
        copyGradients(net.params(), g);
        return g;
    }

    private static void copyValues(List<Param> params, float[] out) {
        int off = 0;
        for (Param p : params) {
            int len = (int) p.value().length();
            Buffers.of(p.value()).get(0, out, off, len);
            off += len;
        }
    }

    private static void copyGradients(List<Param> params, float[] out) {
        int off = 0;
        for (Param p : params) {
            int len = (int) p.gradient().length();
            Buffers.of(p.gradient()).get(0, out, off, len);
            off += len;
        }
    }

    private static void restoreGradients(float[] in, List<Param> params) {
        int off = 0;
        for (Param p : params) {
            int len = (int) p.gradient().length();
            Buffers.of(p.gradient()).put(0, in, off, len);
            off += len;
        }
    }

    /** Partial Fisher–Yates: the first k·b slots of the pool become a uniform sample without replacement. */
    private void drawBatches() {
        int need = batches * batchSize;
        int n = pool.length;
        for (int j = 0; j < need; j++) {
            int r = j + batchRng.below(n - j);
            int t = pool[j];
            pool[j] = pool[r];
            pool[r] = t;
        }
    }

    private void allocate() {
        if (gradients != null) {
            return;
        }
        requireFits(batches, batchSize);
        gradients = new float[batches][parameterCount];
        current = new float[parameterCount];
        stepGradient = new float[parameterCount];
        full = new double[parameterCount];
        pool = identity(train.size());
        referenceOrder = reference == null ? null : identity(reference.size());
        inputs = new Scratch(train.dim());
        labels = new LabelScratch();
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private void requireFits(int k, int b) {
        if ((long) k * b > train.size()) {
            throw new IllegalArgumentException(k + " mini-batches of " + b + " = " + (long) k * b + " distinct examples, but the training "
                    + "set has " + train.size() + ": lower k or the batch size with batches(k, batchSize) so that k × batchSize ≤ "
                    + train.size());
        }
    }

    private void requireUnused(String what) {
        if (gradients != null) {
            throw new IllegalStateException(what + "(...) after the first measurement: configure the probes before training "
                    + "(make new ones for another run)");
        }
    }

    private static void checkRestorable(Network net) {
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (!l.params().isEmpty() && !(l instanceof FullyConnected)) {
                throw new IllegalArgumentException("layer " + i + " (" + l + ") has parameters and is not fully connected: a "
                        + "training-mode probe pass could change state it keeps between steps (batch norm's running averages, "
                        + "for one), so the probes refuse it. Probe networks of Dense, DropConnect, activation and dropout layers.");
            }
        }
    }
}
