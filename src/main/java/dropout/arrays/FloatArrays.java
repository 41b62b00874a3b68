package dropout.arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/** Plain float[] buffers next to ND4J arrays: shaping them, and comparing them entry by entry. */
public final class FloatArrays {
    static {
        Nd4jSettings.ensure();
    }

    private FloatArrays() {
    }

    /** A rows x cols float C-order matrix holding {@code values} row by row (a copy). */
    public static INDArray matrix(float[] values, int rows, int cols) {
        if (rows < 1 || cols < 1 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("matrix(" + values.length + " values, " + rows + ", " + cols
                    + "): a " + rows + " x " + cols + " matrix needs rows, cols >= 1 and rows * cols = "
                    + ((long) rows * cols) + " values; pass rows and cols whose product is " + values.length);
        }
        return Nd4j.create(values.clone(), new long[] {rows, cols}, 'c').castTo(DataType.FLOAT);
    }

    /** How many entries of a and b have the same bits (so -0 differs from 0, and NaN equals the same NaN). */
    public static long bitIdentical(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("bitIdentical: arrays of " + a.length + " and " + b.length
                    + " entries: compare arrays of the same length");
        }
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) == Float.floatToRawIntBits(b[i])) {
                n++;
            }
        }
        return n;
    }

    /** How many entries are NaN. */
    public static long nanCount(float[] a) {
        long n = 0;
        for (float v : a) {
            if (Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** An array's shape as text, e.g. "[1, 3, 64, 64]". */
    public static String shape(INDArray a) {
        return Arrays.toString(a.shape());
    }
}
