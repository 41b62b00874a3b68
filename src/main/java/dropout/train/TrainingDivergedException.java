package dropout.train;

/** The loss became NaN or infinite: the run is stopped rather than left to print garbage. */
public final class TrainingDivergedException extends IllegalStateException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
