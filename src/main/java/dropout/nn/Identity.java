package dropout.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The identity activation: a linear network, where dropout's expectation rule E[train] = predict holds exactly. */
public final class Identity implements Layer {

    public Identity(int size) {
        // the width is irrelevant; the constructor matches Mlp.activation(IntFunction)
    }

    @Override
    public INDArray forward(INDArray input, Mode mode) {
        return input;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean inputGradient) {
        return inputGradient ? gradOutput : null;
    }

    @Override
    public String toString() {
        return "Identity";
    }
}
