package dropout.train;

import dropout.core.DropoutRate;
import dropout.nn.Network;

/**
 * What an {@link IterationListener} sees after each parameter update. {@code rate} is the drop rate the
 * schedule set for this iteration, or null when the run has no schedule.
 */
public record Step(long iteration, int epoch, double loss, DropoutRate rate, Network network) {
}
