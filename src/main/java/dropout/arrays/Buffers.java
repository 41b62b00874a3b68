package dropout.arrays;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-wise work in this library runs as plain Java loops over a {@link FloatBuffer} view of an ND4J
 * array's native memory; matrix products go to ND4J's BLAS ({@link Gemm}). Measured on a 2-core
 * machine: each ND4J op call costs 8–20 µs of set-up and allocating ops cost ≈ 1 ms at 256×256, while a
 * Java loop over 65,536 floats takes tens of microseconds.
 */
public final class Buffers {
    static {
        Nd4jSettings.ensure();
    }

    private Buffers() {
    }

    /** A float C-order matrix of zeros. */
    public static INDArray matrix(int rows, int cols) {
        return Nd4j.create(DataType.FLOAT, new long[] {rows, cols}, 'c');
    }

    /**
     * The writable view of a dense float array's memory, element i = the i-th value in C order.
     * Rejects views with an offset, a stride or another type, whose memory is not laid out that way.
     */
    public static FloatBuffer of(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.offset() != 0
                || a.length() != a.data().length() || (a.rank() == 2 && a.stride(1) != 1)) {
            throw new IllegalArgumentException("array of type " + a.dataType() + ", order " + a.ordering()
                    + ", offset " + a.offset() + " and shape " + java.util.Arrays.toString(a.shape())
                    + " is not a dense float C-order array: copy it first with a.castTo(DataType.FLOAT).dup('c')");
        }
        return a.data().asNioFloat();
    }
}
