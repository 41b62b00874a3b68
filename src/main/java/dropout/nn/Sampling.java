package dropout.nn;

import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.Rng;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A scope in which a network's {@link StochasticLayer}s sample differently: from other random streams, at another
 * rate or in another style. Closing it puts every stream, rate and style back as it was, in reverse order,
 * exception or not, so a measurement taken inside never shifts the numbers training sees afterwards:
 * <pre>{@code
 * try (Sampling s = Sampling.of(net).ownStreams(Rng.seeded(seed))) {
 *     ... net.forward(x, Mode.TRAIN) ...          // masks from the measurement's streams
 * }                                                // training streams back, unadvanced
 * }</pre>
 * If a change fails half-way (say a rate a layer rejects), what was changed is put back before the exception
 * leaves.
 */
public final class Sampling implements AutoCloseable {
    private final List<StochasticLayer> layers;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    private Sampling(Network net) {
        this.layers = Objects.requireNonNull(net, "net").stochasticLayers();
    }

    /** A scope over every stochastic layer of {@code net}, changing nothing yet. */
    public static Sampling of(Network net) {
        return new Sampling(net);
    }

    /** The stochastic layers this scope reaches, in layer order. */
    public List<StochasticLayer> layers() {
        return layers;
    }

    /** Each stochastic layer draws from its own {@code root.split()}, split in layer order. */
    public Sampling ownStreams(Rng root) {
        Objects.requireNonNull(root, "root: e.g. Rng.seeded(seed)");
        return change(() -> {
            for (StochasticLayer l : layers) {
                Rng old = l.swapRng(root.split());
                undo.push(() -> l.swapRng(old));
            }
        });
    }

    /** Every stochastic layer draws from the one stream {@code shared}, in the order the passes ask. */
    public Sampling sharedStream(Rng shared) {
        Objects.requireNonNull(shared, "shared: e.g. rng.split()");
        return change(() -> {
            for (StochasticLayer l : layers) {
                Rng old = l.swapRng(shared);
                undo.push(() -> l.swapRng(old));
            }
        });
    }

    /** Every layer with a drop rate samples at {@code rate}. */
    public Sampling rate(DropoutRate rate) {
        Objects.requireNonNull(rate, "rate: give DropoutRate.drop(p) or DropoutRate.keep(q)");
        return change(() -> {
            for (StochasticLayer l : layers) {
                if (l.hasRate()) {
                    DropoutRate old = l.rate();
                    l.setRate(rate);
                    undo.push(() -> l.setRate(old));
                }
            }
        });
    }

    /** Every layer with a Bernoulli style takes {@code restyle.apply(its style)}, e.g. {@code d -> new UnscaledDropout(d.rate())}. */
    public Sampling style(UnaryOperator<Dropout> restyle) {
        Objects.requireNonNull(restyle, "restyle");
        return change(() -> {
            for (StochasticLayer l : layers) {
                Dropout old = l.style();
                if (old != null) {
                    l.setStyle(restyle.apply(old));
                    undo.push(() -> l.setStyle(old));
                }
            }
        });
    }

    /** Runs {@code work} inside this scope, then closes it. */
    public <T> T call(Supplier<T> work) {
        try (this) {
            return work.get();
        }
    }

    /** Runs {@code work} inside this scope, then closes it. */
    public void run(Runnable work) {
        try (this) {
            work.run();
        }
    }

    private Sampling change(Runnable apply) {
        try {
            apply.run();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    /** Puts back every stream, rate and style this scope changed, latest change first. */
    @Override
    public void close() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }
}
