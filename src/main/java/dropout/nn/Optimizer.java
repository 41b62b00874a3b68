package dropout.nn;

import java.util.List;

/**
 * Updates parameters in place from the gradients the last backward pass left in them. An optimizer may keep
 * state between steps (Adam keeps two running moments per parameter), so each training run needs a fresh one:
 * the {@link dropout.train.Trainer} makes one per {@code fit} from a {@link Factory}.
 */
public interface Optimizer {

    /** One update of every parameter in {@code params}, from its current gradient. */
    void step(List<Param> params);

    /** Makes a fresh optimizer for a learning rate, e.g. {@code Sgd::new} or {@code Adam::new}. */
    @FunctionalInterface
    interface Factory {
        Optimizer make(double learningRate);
    }
}
