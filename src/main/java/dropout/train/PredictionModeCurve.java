package dropout.train;

import java.util.ArrayList;
import java.util.List;

import dropout.data.Dataset;

/**
 * A listener that measures a dataset in prediction mode (dropout off) at the end of every epoch, or of every
 * n-th epoch: the clean training-set figures that d2l's epoch averages (measured with dropout on, each batch by a
 * different thinned network, while the weights move) are not. Pass the training set itself, or a sample of it,
 * and the number of examples the trainer trains on, so the listener knows where an epoch ends:
 * <pre>{@code var clean = PredictionModeCurve.of(small.train(), config, small.train().size());
 * new Trainer(config).listen(clean).fit("no dropout", net, small.train(), small.test());
 * clean.accuracy();   // one value per measured epoch}</pre>
 * Its time is not counted in the epoch's seconds (the trainer excludes listeners).
 */
public final class PredictionModeCurve implements IterationListener {
    private final Dataset data;
    private final int batchSize;
    private final long iterationsPerEpoch;
    private final int every;
    private final List<Evaluation> measured = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();

    private PredictionModeCurve(Dataset data, int batchSize, long iterationsPerEpoch, int every) {
        this.data = data;
        this.batchSize = batchSize;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.every = every;
    }

    /** Measures {@code data} after every epoch of training on {@code trainingExamples} examples with {@code config}. */
    public static PredictionModeCurve of(Dataset data, TrainConfig config, int trainingExamples) {
        return every(1, data, config, trainingExamples);
    }

    /** Measures {@code data} after epochs n, 2n, 3n, ... (and not in between): for long runs. */
    public static PredictionModeCurve every(int n, Dataset data, TrainConfig config, int trainingExamples) {
        if (n < 1) {
            throw new IllegalArgumentException("every(" + n + "): measure every n-th epoch with n ≥ 1 (1 = every epoch)");
        }
        if (trainingExamples < 1) {
            throw new IllegalArgumentException("trainingExamples = " + trainingExamples
                    + ": pass the size of the set the trainer trains on (e.g. data.train().size())");
        }
        return new PredictionModeCurve(data, config.batchSize(), config.iterationsPerEpoch(trainingExamples), n);
    }

    @Override
    public void afterStep(Step step) {
        boolean epochEnds = (step.iteration() + 1) % iterationsPerEpoch == 0;
        if (epochEnds && step.epoch() % every == 0) {
            measured.add(Evaluation.of(step.network(), data, batchSize));
            epochs.add(step.epoch());
        }
    }

    /** Prediction-mode accuracy at each measured epoch, in order. */
    public double[] accuracy() {
        return measured.stream().mapToDouble(Evaluation::accuracy).toArray();
    }

    /** Prediction-mode mean loss at each measured epoch, in order. */
    public double[] loss() {
        return measured.stream().mapToDouble(Evaluation::loss).toArray();
    }

    /** The epochs (counted from 1) at which it measured. */
    public int[] epochs() {
        return epochs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The last measurement. */
    public Evaluation last() {
        if (measured.isEmpty()) {
            throw new IllegalStateException("nothing measured yet: attach the curve with Trainer.listen(...) and train"
                    + " at least " + every + " epoch(s)");
        }
        return measured.get(measured.size() - 1);
    }
}
