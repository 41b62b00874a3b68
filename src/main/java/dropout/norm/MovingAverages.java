package dropout.norm;

/**
 * How a batch-norm layer keeps its moving averages: running ← momentum·running + (1 − momentum)·batch statistic,
 * where they start, and whether the variance fed in is the batch's own (biased, ÷m) or the unbiased estimate
 * (÷(m − 1)), for m values per feature or channel.
 * <ul>
 *   <li>{@link #LIBRARY}: this library's {@link BatchNorm} and {@link ChannelBatchNorm} (and PyTorch's): momentum
 *   0.9 on the old value, mean from 0, variance from 1, unbiased variance;</li>
 *   <li>{@link #D2L_MXNET}: the from-scratch code of d2l's MXNet chapter (seed 003): momentum 0.9, both averages
 *   from 0, the biased batch variance.</li>
 * </ul>
 */
public record MovingAverages(double momentum, double startMean, double startVariance, boolean unbiased) {
    public static final MovingAverages LIBRARY = new MovingAverages(0.9, 0.0, 1.0, true);
    public static final MovingAverages D2L_MXNET = new MovingAverages(0.9, 0.0, 0.0, false);

    public MovingAverages {
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum = " + momentum + " is not in [0, 1): it is the weight of the old"
                    + " running value (0.9 here equals PyTorch's momentum=0.1); 1 would never learn the statistics");
        }
        if (!(startVariance >= 0.0) || Double.isInfinite(startVariance) || !Double.isFinite(startMean)) {
            throw new IllegalArgumentException("start mean " + startMean + ", start variance " + startVariance
                    + ": both must be finite and the variance ≥ 0");
        }
    }

    /** The variance a batch of {@code m} values with biased variance {@code biased} contributes. */
    public double batchVariance(double biased, long m) {
        return unbiased ? biased * m / (m - 1) : biased;
    }
}
