package dropout.early;

import dropout.nn.StochasticLayer;
import dropout.train.IterationListener;
import dropout.train.Step;
import java.util.Arrays;
import java.util.List;

/**
 * Records, after every update, the drop probability the network's dropout layers actually held for it
 * (read from the layers, not from the schedule), one value per iteration. Use it to draw the schedule a
 * run really followed: {@code new Trainer(config).schedule(s).listen(rates).fit(...)}, then
 * {@code Charts.lines(..., rates.iterations(), Map.of("p", rates.dropProbabilities()), false)}.
 * With several dropout layers it records the first one's rate; {@link #allLayersAgreed()} says whether every
 * layer held that same rate at every iteration (true under any {@link dropout.train.DropoutSchedule}).
 * Costs one array slot per iteration (the array grows by doubling).
 */
public final class RateLog implements IterationListener {
    private double[] rates = new double[1024];
    private int size;
    private boolean agreed = true;
    private dropout.nn.Network network;
    private List<StochasticLayer> layers;

    @Override
    public void afterStep(Step step) {
        if (step.network() != network) {
            network = step.network();
            layers = network.dropoutLayers();
        }
        double p = network.dropoutRate().dropProbability();
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).rate().dropProbability() != p) {
                agreed = false;
            }
        }
        if (step.iteration() != size) {
            throw new IllegalStateException("RateLog saw iteration " + step.iteration() + " after " + size
                    + " recorded ones: use one RateLog per training run (make a new one for each fit)");
        }
        if (size == rates.length) {
            rates = Arrays.copyOf(rates, 2 * size);
        }
        rates[size++] = p;
    }

    /** Drop probability p used at iterations 0, 1, 2, ... */
    public double[] dropProbabilities() {
        return Arrays.copyOf(rates, size);
    }

    /** 0, 1, 2, ...: the x values matching {@link #dropProbabilities()}. */
    public double[] iterations() {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = i;
        }
        return x;
    }

    /** Iterations recorded so far. */
    public int size() {
        return size;
    }

    /**
     * The largest drop probability recorded at iterations {@code from .. to−1} ({@code to} is clipped to
     * {@link #size()}), e.g. {@code max(cutoff, log.size())}: 0 for an early-dropout run that really stopped
     * dropping at its cutoff. NaN when the range holds no recorded iteration.
     */
    public double max(long from, long to) {
        return extreme(from, to, true);
    }

    /**
     * The smallest drop probability recorded at iterations {@code from .. to−1} ({@code to} clipped to
     * {@link #size()}), e.g. {@code min(cutoff, log.size())} = p for a late-dropout run. NaN when the range
     * holds no recorded iteration.
     */
    public double min(long from, long to) {
        return extreme(from, to, false);
    }

    private double extreme(long from, long to, boolean max) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("iterations " + from + " .. " + to + ": give 0 ≤ from ≤ to (to exclusive), "
                    + "e.g. max(cutoff, log.size()) for the rates from the cutoff on");
        }
        long end = Math.min(to, size);
        if (from >= end) {
            return Double.NaN;
        }
        double r = rates[(int) from];
        for (int i = (int) from + 1; i < end; i++) {
            r = max ? Math.max(r, rates[i]) : Math.min(r, rates[i]);
        }
        return r;
    }

    /** Whether every dropout layer held the same rate at every recorded iteration. */
    public boolean allLayersAgreed() {
        return agreed;
    }
}
