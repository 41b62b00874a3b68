package dropout.nn;

/** Dropout (and batch norm) behave differently while training and while predicting. */
public enum Mode {
    TRAIN, PREDICT
}
