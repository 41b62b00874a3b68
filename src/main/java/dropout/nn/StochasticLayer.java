package dropout.nn;

import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.Rng;

/**
 * A layer that samples in training mode and does not in prediction mode: in {@link Mode#TRAIN} it draws its
 * masks or noise from a random stream of its own; in {@link Mode#PREDICT} it draws nothing and its output is a
 * deterministic function of its input (the scaled input, the input itself, or an expectation, as each layer's
 * formula says). Every dropout-like layer implements this, so schedules, measurements and Monte-Carlo dropout
 * reach all of them the same way; {@link Network#stochasticLayers()} lists them and {@link Sampling} lends them
 * other streams, rates or styles for a while.
 */
public interface StochasticLayer extends Layer {

    /** Replaces the layer's random stream and returns the one it had. */
    Rng swapRng(Rng replacement);

    /** Whether the layer has one drop rate that {@link #rate()} reads and a schedule may set (Standout has none). */
    default boolean hasRate() {
        return true;
    }

    /** The drop rate; only where {@link #hasRate()}. */
    DropoutRate rate();

    /** Sets the drop rate; only where {@link #hasRate()}. */
    void setRate(DropoutRate rate);

    /** The Bernoulli dropout style (where the train and predict scales go), or null where the layer has none. */
    default Dropout style() {
        return null;
    }

    /** Replaces the style, rate included; only where {@link #style()} is not null. */
    default void setStyle(Dropout style) {
        throw new UnsupportedOperationException(this + " has no Bernoulli dropout style to replace: "
                + "only layers whose style() is not null (dropout and DropConnect layers) take one");
    }
}
