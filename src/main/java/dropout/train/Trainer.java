package dropout.train;

import dropout.core.DropoutRate;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.nn.LabelScratch;
import dropout.nn.Network;
import dropout.nn.NonFiniteOutputException;
import dropout.nn.Optimizer;
import dropout.arrays.Scratch;
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
        Scratch inputs = new Scratch(train.dim());
        LabelScratch labels = new LabelScratch();
        int[] order = new int[train.size()];
        long iteration = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long started = System.nanoTime();
            long listening = 0;
            shuffle.permutation(order);
            double lossSum = 0;
            long correct = 0;
            DropoutRate rate = null;
            for (int start = 0; start < order.length; start += config.batchSize(), iteration++) {
                int rows = Math.min(config.batchSize(), order.length - start);
                if (schedule != null) {
                    rate = schedule.at(iteration);
                    net.setDropoutRate(rate);
                }
                INDArray x = inputs.get(rows);
                int[] y = labels.get(rows);
                train.gather(order, start, rows, Buffers.of(x), y);
                double loss = net.lossAndGradients(x, y);
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
        return history;
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
