package dropout.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Standard (Bernoulli) dropout: in training a unit's activation h becomes h · m · {@link #trainScale()},
 * m ~ Bernoulli(q); in prediction every activation becomes h · {@link #predictScale()}.
 * The two styles differ only in where the 1/q or q factor goes; both keep
 * E[training output] = prediction output. See {@link VanillaDropout} and {@link InvertedDropout}.
 */
public interface Dropout {

    DropoutRate rate();

    /** The same style of dropout with another rate. */
    Dropout withRate(DropoutRate rate);

    /** Factor applied to the kept units in training mode. */
    float trainScale();

    /** Factor applied to every unit in prediction mode. */
    float predictScale();

    /** Training-mode output for a given 0/1 mask of the same shape: h · m · trainScale (a new array). */
    default INDArray train(INDArray h, INDArray mask) {
        if (!java.util.Arrays.equals(h.shape(), mask.shape())) {
            throw new IllegalArgumentException("mask shape " + java.util.Arrays.toString(mask.shape())
                    + " differs from activation shape " + java.util.Arrays.toString(h.shape())
                    + ": sample the mask with Mask.sample(h.shape()...) for this activation");
        }
        return h.castTo(DataType.FLOAT).mul(mask.castTo(DataType.FLOAT)).muli(trainScale());
    }

    /** Training-mode output with a freshly sampled mask. */
    default INDArray train(INDArray h, Rng rng) {
        return train(h, Mask.sample(rate(), rng, h.shape()));
    }

    /** Prediction-mode output: h · predictScale (a new array). */
    default INDArray predict(INDArray h) {
        return h.castTo(DataType.FLOAT).mul(predictScale());
    }
}
