package dropout.train;

import dropout.core.DropoutRate;
import dropout.data.Dataset;
import dropout.nn.Network;
import dropout.nn.NonFiniteOutputException;
import dropout.nn.Optimizer;
import dropout.nn.Sgd;
import dropout.core.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs epochs of shuffled mini-batch SGD and records a {@link History}:
 * per epoch the training-mode loss and accuracy averaged over its batches (as d2l reports them), then the
 * test loss and accuracy in prediction mode, and the seconds the training pass took (evaluation and
 * listeners, such as measurement probes, excluded).
 * <p>
 * Divergence guard: the run stops with a {@link TrainingDivergedException} when a training step's loss is NaN,
 * infinite, or above {@value #BLOW_UP} × ln(classes) — a hundred times the loss of a network that guesses
 * uniformly at random (ln 10 ≈ 2.30 for 10 classes, so above 230), a loss no learning run reaches — and when an
 * epoch's test figures are NaN or infinite. The test loss may rise (overfitting does that), so only its
 * finiteness is checked.
 */
public final class Trainer {
    /** A training loss above this multiple of ln(classes), the loss of a uniform guess, has blown up. */
    public static final double BLOW_UP = 100;

    private final TrainConfig config;
    private DropoutSchedule schedule;
    private Progress progress = Progress.PRINT;
    private Optimizer.Factory optimizer = Sgd::new;
    private final List<IterationListener> listeners = new ArrayList<>();
    private boolean lookAhead;

    public Trainer(TrainConfig config) {
        this.config = config;
    }

    public TrainConfig config() {
        return config;
    }

    /** Sets the drop rate of every dropout layer before each iteration; without one the layers keep their own rates. */
    public Trainer schedule(DropoutSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /**
     * How parameters are updated: a fresh optimizer per {@code fit}, made for the configured learning rate.
     * The default is plain SGD ({@code Sgd::new}); {@code Adam::new} or {@code Adam.withWeightDecay(0.05)} for Adam(W).
     */
    public Trainer optimizer(Optimizer.Factory optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer: e.g. Sgd::new or Adam::new");
        return this;
    }

    public Trainer progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    public Trainer quiet() {
        return progress(Progress.QUIET);
    }

    /**
     * Whether each mini-batch is prepared on a second thread while the one before it trains: the gather of its
     * examples and, without listeners, the dropout layers' next draws. Results are bit-identical either way. Off
     * by default: on a loaded 2-core machine it measured no faster (paired median ratios 1.04, 0.99 and 1.00 against
     * the plain run in {@code EpochBenchmark --compare}); the overlap can win at most what the gather and mask
     * draws cost, about 8 % of an epoch, and only where a core is idle.
     */
    public Trainer lookAhead(boolean on) {
        this.lookAhead = on;
        return this;
    }

    public Trainer listen(IterationListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Trains {@code net} on {@code train} for the configured epochs, evaluating on {@code test} after each. */
    public History fit(String label, Network net, Dataset train, Dataset test) {
        if (train.dim() != test.dim()) {
            throw new IllegalArgumentException("train has " + train.dim() + " features but test has " + test.dim()
                    + ": both sets must come from the same source");
        }
        requireExamples("train", train);
        requireExamples("test", test);
        double blownUp = BLOW_UP * StrictMath.log(net.loss().classes());
        History history = new History(label);
        Optimizer updater = optimizer.make(config.learningRate());
        Rng shuffle = Rng.seeded(config.seed());
        int[] order = new int[train.size()];
        long iteration = 0;
        try (LookAhead batches = new LookAhead(train, net, lookAhead, listeners.isEmpty())) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long started = System.nanoTime();
                long listening = 0;
                shuffle.permutation(order);
                double lossSum = 0;
                long correct = 0;
                DropoutRate rate = null;
                for (int start = 0; start < order.length; start += config.batchSize(), iteration++) {
                    int rows = Math.min(config.batchSize(), order.length - start);
                    INDArray x = batches.take(order, start, rows);
                    int[] y = batches.labels();
                    if (schedule != null) {
                        rate = schedule.at(iteration);
                        net.setDropoutRate(rate);
                    }
                    double loss = net.trainingLoss(x, y);
                    int next = start + config.batchSize();
                    if (Double.isFinite(loss) && loss <= blownUp && next < order.length) {
                        batches.prepare(order, next, Math.min(config.batchSize(), order.length - next),
                                batches.drawsNoise() && sameRate(rate, iteration + 1));
                    }
                    net.gradients();
                    if (!Double.isFinite(loss)) {
                        throw diverged(label, "training loss = " + loss + " at epoch " + epoch + ", iteration " + iteration, null);
                    }
                    if (loss > blownUp) {
                        throw diverged(label, "training loss = " + loss + " at epoch " + epoch + ", iteration " + iteration
                                + String.format(Locale.ROOT, ", above %.0f × ln(%d) = %.2f, a hundred times the loss of a"
                                + " uniform guess over %d classes", BLOW_UP, net.loss().classes(), blownUp,
                                net.loss().classes()), null);
                    }
                    updater.step(net.params());
                    lossSum += loss * rows;
                    correct += net.loss().correct();
                    if (!listeners.isEmpty()) {
                        long before = System.nanoTime();
                        Step step = new Step(iteration, epoch, loss, rate, net);
                        for (IterationListener l : listeners) {
                            l.afterStep(step);
                        }
                        listening += System.nanoTime() - before;
                    }
                }
                double seconds = (System.nanoTime() - started - listening) / 1e9;
                Evaluation test1;
                try {
                    test1 = Evaluation.of(net, test, config.batchSize());
                } catch (NonFiniteOutputException e) {
                    throw diverged(label, "the test loss is not finite at epoch " + epoch + " (" + e.getMessage() + ")", e);
                }
                if (!Double.isFinite(test1.loss())) {
                    throw diverged(label, "test loss = " + test1.loss() + " at epoch " + epoch, null);
                }
                double dropRate = rate != null ? rate.dropProbability() : currentDropRate(net);
                EpochStats stats = new EpochStats(epoch, lossSum / order.length, (double) correct / order.length,
                        test1.loss(), test1.accuracy(), seconds, dropRate);
                history.add(stats);
                progress.epochDone(label, config.epochs(), stats);
            }
        }
        return history;
    }

    /** Whether the next iteration samples at this one's rate, to the bit (always without a schedule). */
    private boolean sameRate(DropoutRate now, long nextIteration) {
        if (schedule == null) {
            return true;
        }
        DropoutRate next = schedule.at(nextIteration);
        return Double.doubleToRawLongBits(next.dropProbability()) == Double.doubleToRawLongBits(now.dropProbability())
                && Double.doubleToRawLongBits(next.keepProbability()) == Double.doubleToRawLongBits(now.keepProbability());
    }

    private TrainingDivergedException diverged(String label, String what, Throwable cause) {
        return new TrainingDivergedException("training '" + label + "' diverged: " + what + " (learning rate "
                + config.learningRate() + "). Lower the learning rate, or check that inputs are scaled (pixels in [0, 1]).",
                cause);
    }

    private static void requireExamples(String role, Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(role + " set '" + data.name() + "' has no examples: training needs at"
                    + " least one example in each set; check how the " + role + " set was made");
        }
    }

    private static double currentDropRate(Network net) {
        return net.dropoutRate().dropProbability();
    }
}
