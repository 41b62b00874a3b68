package dropout.nn;

import dropout.core.Dropout;
import dropout.core.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A multilayer perceptron from a list of layer sizes: Dense → activation → dropout for each hidden
 * layer, then a Dense output layer (logits). For example d2l's dropout MLP:
 * <pre>{@code Mlp.sizes(784, 256, 256, 10).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(42)}</pre>
 */
public final class Mlp {
    private final int[] sizes;
    private List<Dropout> dropouts = List.of();
    private Init init = Init.d2l();
    private IntFunction<Layer> activation = Relu::new;

    private Mlp(int[] sizes) {
        this.sizes = sizes;
    }

    /** Input size, hidden sizes..., number of classes. */
    public static Mlp sizes(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes " + Arrays.toString(sizes)
                    + ": give at least the input size and the number of classes, e.g. sizes(784, 256, 10)");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("sizes " + Arrays.toString(sizes) + ": every size must be ≥ 1");
            }
        }
        return new Mlp(sizes.clone());
    }

    /** One dropout per hidden layer, in order, applied after its activation. */
    public Mlp dropout(Dropout... perHiddenLayer) {
        int hidden = sizes.length - 2;
        if (perHiddenLayer.length != hidden) {
            throw new IllegalArgumentException(perHiddenLayer.length + " dropouts for " + hidden
                    + " hidden layers: give one per hidden layer (dropout(d, d) for two), or use dropoutEverywhere(d)");
        }
        this.dropouts = List.of(perHiddenLayer);
        return this;
    }

    /** The same dropout after every hidden layer. */
    public Mlp dropoutEverywhere(Dropout d) {
        Dropout[] all = new Dropout[sizes.length - 2];
        Arrays.fill(all, d);
        return dropout(all);
    }

    public Mlp init(Init init) {
        this.init = init;
        return this;
    }

    /** The hidden activation, made for a given width (default ReLU). */
    public Mlp activation(IntFunction<Layer> activation) {
        this.activation = activation;
        return this;
    }

    /** Builds the network; the seed decides every initial weight and every mask. */
    public Network build(long seed) {
        return build(Rng.seeded(seed));
    }

    public Network build(Rng rng) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Dense(sizes[i], sizes[i + 1], init, rng.split()));
            boolean hidden = i + 2 < sizes.length;
            if (hidden) {
                layers.add(activation.apply(sizes[i + 1]));
                if (!dropouts.isEmpty()) {
                    layers.add(new DropoutLayer(sizes[i + 1], dropouts.get(i), rng.split()));
                }
            }
        }
        return new Network(layers, sizes[sizes.length - 1]);
    }
}
