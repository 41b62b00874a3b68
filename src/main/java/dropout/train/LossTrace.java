package dropout.train;

import java.util.Arrays;

/**
 * A listener that keeps the training loss of every iteration (the mini-batch's loss in training mode, so with
 * dropout on where the network has dropout), and smooths it with an exponential moving average for charts:
 * s₁ = l₁, s_t = weight·s_{t−1} + (1 − weight)·l_t.
 */
public final class LossTrace implements IterationListener {
    private double[] losses = new double[1024];
    private int size;

    @Override
    public void afterStep(Step step) {
        if (size == losses.length) {
            losses = Arrays.copyOf(losses, 2 * size);
        }
        losses[size++] = step.loss();
    }

    /** The loss of each iteration, in order. */
    public double[] losses() {
        return Arrays.copyOf(losses, size);
    }

    /** The exponential moving average with {@code weight} on the old value, in [0, 1). */
    public double[] smoothed(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("weight = " + weight + ": the weight of the old value must be in [0, 1)"
                    + " (0.9 averages over about 10 iterations)");
        }
        double[] s = losses();
        for (int i = 1; i < s.length; i++) {
            s[i] = weight * s[i - 1] + (1 - weight) * s[i];
        }
        return s;
    }

    /** The first iteration (counted from 1) at which the smoothed loss is below {@code level}, or −1 if never. */
    public int firstBelow(double level, double weight) {
        double[] s = smoothed(weight);
        for (int i = 0; i < s.length; i++) {
            if (s[i] < level) {
                return i + 1;
            }
        }
        return -1;
    }
}
