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
 * Each hidden layer is, in order: dense (default {@link Dense}, see {@link #dense(DenseFactory)}), an optional
 * layer before the activation ({@link #layerBeforeActivation}, e.g. {@link #batchNorm()}), the activation,
 * an optional layer after it ({@link #layerAfterActivation}, e.g. Gaussian dropout), then the dropout of
 * {@link #dropout(Dropout...)}. The output layer is always a plain {@link Dense}. For example
 * <pre>{@code Mlp.sizes(784, 256, 256, 10).layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.5))).build(42)}</pre>
 * Random streams: each layer that needs one gets its own {@code rng.split()}, in the order above; the hooks
 * split only when they are used, so a network without them gets exactly the streams it always got.
 */
public final class Mlp {
    private final int[] sizes;
    private List<Dropout> dropouts = List.of();
    private Init init = Init.d2l();
    private IntFunction<Layer> activation = Relu::new;
    private HiddenLayerFactory randomActivation;
    private DenseFactory dense;
    private List<HiddenLayerFactory> beforeActivation = List.of();
    private List<HiddenLayerFactory> afterActivation = List.of();

    /** Makes a layer of a hidden layer's width, with a random stream of its own (used or not). */
    @FunctionalInterface
    public interface HiddenLayerFactory {
        Layer make(int size, Rng rng);
    }

    /** Makes a hidden layer's fully connected part, {@code in → out}, initialised with {@code init} from {@code rng}. */
    @FunctionalInterface
    public interface DenseFactory {
        Layer make(int in, int out, Init init, Rng rng);
    }

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
        this.randomActivation = null;
        return this;
    }

    /**
     * A hidden activation that needs random numbers of its own (Standout, which replaces ReLU + dropout):
     * {@code .activation((size, rng) -> new Standout(size, 1, 0, rng))}. Replaces {@link #activation(IntFunction)}.
     */
    public Mlp activation(HiddenLayerFactory activation) {
        this.randomActivation = java.util.Objects.requireNonNull(activation, "activation");
        return this;
    }

    /**
     * The fully connected part of every hidden layer (the output layer stays a plain {@link Dense}), e.g.
     * DropConnect: {@code .dense(DropConnectDense.factory(InvertedDropout.drop(0.5)))}. The factory gets the
     * stream a {@link Dense} would have got, so weights drawn first from it match a plain network's.
     */
    public Mlp dense(DenseFactory dense) {
        this.dense = java.util.Objects.requireNonNull(dense, "dense");
        return this;
    }

    /**
     * A layer between each hidden dense layer and its activation (batch norm's place in Ioffe &amp; Szegedy 2015).
     * One factory for every hidden layer, or one per hidden layer, in order.
     */
    public Mlp layerBeforeActivation(HiddenLayerFactory... perHiddenLayer) {
        this.beforeActivation = perHidden("layerBeforeActivation", perHiddenLayer);
        return this;
    }

    /**
     * A layer after each hidden activation (where dropout goes), e.g. Gaussian or alpha dropout.
     * One factory for every hidden layer, or one per hidden layer, in order.
     */
    public Mlp layerAfterActivation(HiddenLayerFactory... perHiddenLayer) {
        this.afterActivation = perHidden("layerAfterActivation", perHiddenLayer);
        return this;
    }

    /**
     * Batch normalisation before every hidden activation, with its defaults (momentum 0.9, ε = 1e-5):
     * the same as {@code layerBeforeActivation((size, rng) -> new BatchNorm(size))}.
     */
    public Mlp batchNorm() {
        return layerBeforeActivation((size, rng) -> new BatchNorm(size));
    }

    private List<HiddenLayerFactory> perHidden(String what, HiddenLayerFactory[] given) {
        int hidden = sizes.length - 2;
        for (HiddenLayerFactory f : given) {
            java.util.Objects.requireNonNull(f, what + ": a factory is null");
        }
        if (given.length == 1) {
            return java.util.Collections.nCopies(hidden, given[0]);
        }
        if (given.length != hidden) {
            throw new IllegalArgumentException(what + ": " + given.length + " factories for " + hidden
                    + " hidden layers: give one for every hidden layer, or exactly one per hidden layer");
        }
        return List.of(given);
    }

    /** Builds the network; the seed decides every initial weight and every mask. */
    public Network build(long seed) {
        return build(Rng.seeded(seed));
    }

    public Network build(Rng rng) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            boolean hidden = i + 2 < sizes.length;
            if (hidden && dense != null) {
                layers.add(dense.make(sizes[i], sizes[i + 1], init, rng.split()));
            } else {
                layers.add(new Dense(sizes[i], sizes[i + 1], init, rng.split()));
            }
            if (hidden) {
                if (!beforeActivation.isEmpty()) {
                    layers.add(beforeActivation.get(i).make(sizes[i + 1], rng.split()));
                }
                layers.add(randomActivation != null ? randomActivation.make(sizes[i + 1], rng.split())
                        : activation.apply(sizes[i + 1]));
                if (!afterActivation.isEmpty()) {
                    layers.add(afterActivation.get(i).make(sizes[i + 1], rng.split()));
                }
                if (!dropouts.isEmpty()) {
                    layers.add(new DropoutLayer(sizes[i + 1], dropouts.get(i), rng.split()));
                }
            }
        }
        return new Network(layers, sizes[sizes.length - 1]);
    }
}
