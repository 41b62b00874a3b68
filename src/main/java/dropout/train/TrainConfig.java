package dropout.train;

/**
 * Mini-batch SGD settings. {@link #d2l()} is the articles' setup: 10 epochs, batch 256, learning rate 0.5.
 * The seed drives the shuffling order (the network's own seed drives its weights and masks).
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, long seed) {

    public TrainConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs = " + epochs + ": train at least 1 epoch");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + ": a mini-batch needs at least 1 example (d2l uses 256)");
        }
        dropout.nn.Sgd.requireLearningRate("learningRate", learningRate);
    }

    public static TrainConfig d2l() {
        return new TrainConfig(10, 256, 0.5, 1);
    }

    public TrainConfig epochs(int epochs) {
        return new TrainConfig(epochs, batchSize, learningRate, seed);
    }

    public TrainConfig batchSize(int batchSize) {
        return new TrainConfig(epochs, batchSize, learningRate, seed);
    }

    public TrainConfig learningRate(double learningRate) {
        return new TrainConfig(epochs, batchSize, learningRate, seed);
    }

    public TrainConfig seed(long seed) {
        return new TrainConfig(epochs, batchSize, learningRate, seed);
    }

    /** Mini-batches per epoch over {@code examples} examples (the last one may be short). */
    public int iterationsPerEpoch(int examples) {
        return (examples + batchSize - 1) / batchSize;
    }
}
