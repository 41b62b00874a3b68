package dropout.train;

/** A loss became NaN, infinite or blew up (see {@link Trainer}): the run is stopped rather than left to print garbage. */
public final class TrainingDivergedException extends IllegalStateException {
    public TrainingDivergedException(String message) {
        super(message);
    }

    public TrainingDivergedException(String message, Throwable cause) {
        super(message, cause);
    }
}
