package dropout.nn;

import dropout.core.DropoutRate;

/** A layer whose drop rate a schedule may change between iterations. */
public interface RateAdjustable {

    DropoutRate rate();

    void setRate(DropoutRate rate);
}
