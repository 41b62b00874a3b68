package dropout.variants;

import dropout.core.Rng;
import dropout.nn.Layer;

/**
 * A layer that draws random numbers in training mode (its masks or noise) from a stream of its own.
 * {@link McDropout} swaps that stream for a dedicated one while it samples, then puts the training stream
 * back, so Monte-Carlo prediction never shifts the numbers later training sees. (The library's
 * {@link dropout.nn.DropoutLayer} has the same {@code swapRng}; {@link McDropout} handles both.)
 */
public interface StochasticLayer extends Layer {

    /** Replaces the layer's random stream and returns the one it had. */
    Rng swapRng(Rng replacement);
}
