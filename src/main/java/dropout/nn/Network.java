package dropout.nn;

import dropout.arrays.Shapes;
import dropout.core.DropoutRate;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layers applied in order, ending in logits, trained with softmax cross-entropy.
 * The mode (training or prediction) is an explicit argument of every pass: nothing is switched globally.
 */
public final class Network {
    private final List<Layer> layers;
    private final SoftmaxCrossEntropy loss;
    private final List<Param> params;

    public Network(List<? extends Layer> layers, int classes) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer: pass its layers, or build one with"
                    + " Mlp.sizes(784, 256, 10).build(seed)");
        }
        this.layers = List.copyOf(layers);
        this.loss = new SoftmaxCrossEntropy(classes);
        List<Param> all = new ArrayList<>();
        for (Layer l : this.layers) {
            all.addAll(l.params());
        }
        this.params = List.copyOf(all);
    }

    public List<Layer> layers() {
        return layers;
    }

    public List<Param> params() {
        return params;
    }

    public SoftmaxCrossEntropy loss() {
        return loss;
    }

    /** Total number of learnable values. */
    public long parameterCount() {
        return params.stream().mapToLong(p -> p.value().length()).sum();
    }

    /** Logits for a batch. The result is a layer's live buffer: {@code dup()} it to keep it. */
    public INDArray forward(INDArray x, Mode mode) {
        INDArray a = x;
        for (Layer l : layers) {
            a = l.forward(a, mode);
        }
        return a;
    }

    /** Prediction-mode logits as a new array. */
    public INDArray predict(INDArray x) {
        return forward(x, Mode.PREDICT).dup();
    }

    /** Back-propagates dLoss/dLogits of the last training-mode forward pass, setting every parameter gradient. */
    public void backward(INDArray gradLogits) {
        INDArray g = gradLogits;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }

    /** Training-mode forward and backward on one batch; returns the mean loss. Gradients are left in {@link #params()}. */
    public double lossAndGradients(INDArray x, int[] labels) {
        loss.requireLabels(labels, Shapes.rows(x));
        double l = loss.forward(forward(x, Mode.TRAIN), labels);
        backward(loss.backward());
        return l;
    }

    /** The layers of one type, in order: {@code net.layersOf(DropoutLayer.class).get(0).lastMask()}. */
    public <T> List<T> layersOf(Class<T> type) {
        return layers.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The layers that sample in training mode, in order. */
    public List<StochasticLayer> stochasticLayers() {
        return layersOf(StochasticLayer.class);
    }

    /** The stochastic layers with a drop rate, which a schedule can set. */
    public List<StochasticLayer> dropoutLayers() {
        return stochasticLayers().stream().filter(StochasticLayer::hasRate).toList();
    }

    /** The first dropout layer's rate (all of them share it under a schedule), or {@link DropoutRate#NONE} without one. */
    public DropoutRate dropoutRate() {
        List<StochasticLayer> l = dropoutLayers();
        return l.isEmpty() ? DropoutRate.NONE : l.get(0).rate();
    }

    /** Sets one drop rate on every dropout layer (what dropout schedules do each iteration). */
    public void setDropoutRate(DropoutRate rate) {
        for (StochasticLayer l : dropoutLayers()) {
            l.setRate(rate);
        }
    }

    @Override
    public String toString() {
        return "Network" + layers;
    }
}
