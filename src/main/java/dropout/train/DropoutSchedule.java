package dropout.train;

import dropout.core.DropoutRate;

/**
 * The drop rate as a plain function of the iteration number (0, 1, 2, ... counted over the whole run).
 * The trainer sets it on every dropout layer before each iteration.
 */
@FunctionalInterface
public interface DropoutSchedule {

    DropoutRate at(long iteration);

    /** The same rate throughout. */
    static DropoutSchedule constant(DropoutRate rate) {
        return iteration -> rate;
    }
}
