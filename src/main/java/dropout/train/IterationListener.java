package dropout.train;

/** Called after every parameter update, in order. */
@FunctionalInterface
public interface IterationListener {
    void afterStep(Step step);
}
