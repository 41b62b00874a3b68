package dropout.measure;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Sign-free sizes of an array, where a mean would let positive and negative entries cancel. */
public final class Magnitude {
    private Magnitude() {
    }

    /**
     * Root mean square of {@code values - centre}, with {@code centre} a column vector [rows, 1] taken from
     * every column: for a layer's outputs W·H + b (one example per column) and centre b, the RMS of W·H.
     */
    public static double rmsAbout(INDArray values, INDArray centre) {
        if (values.rank() != 2 || centre.rank() != 2 || centre.size(1) != 1 || centre.size(0) != values.size(0)) {
            throw new IllegalArgumentException("rmsAbout: values of shape " + Arrays.toString(values.shape())
                    + " and centre of shape " + Arrays.toString(centre.shape())
                    + ": the centre must be a column [rows, 1] with the values' " + values.size(0) + " rows");
        }
        INDArray d = values.subColumnVector(centre);
        return Math.sqrt(d.mul(d).meanNumber().doubleValue());
    }
}
