package dropout.train;

/**
 * One epoch's record. Train loss and accuracy are averaged over the epoch's mini-batches in training
 * mode (dropout on), as d2l reports them; test figures are measured in prediction mode afterwards.
 * {@code dropRate} is the drop probability the schedule set at the epoch's last iteration.
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testLoss,
                         double testAccuracy, double seconds, double dropRate) {
}
