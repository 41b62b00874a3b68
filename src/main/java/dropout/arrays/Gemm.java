package dropout.arrays;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = alpha · op(A) · op(B) into an existing C: the same OpenBLAS {@code sgemm} that {@code Nd4j.gemm} reaches,
 * with the same arguments, called directly. {@code Nd4j.gemm} first builds and executes a matmul op (shape
 * checks, an op context, views for the transposes), which costs about as much as a 256×256×10 product itself.
 * Same library, same thread count ({@link Nd4jSettings}), same arguments: the same bits, which a test checks on
 * every product shape of a training step. Arrays that are not plain dense float C-order matrices (views,
 * offsets, other types) go through {@code Nd4j.gemm} as before.
 */
public final class Gemm {
    private static volatile boolean direct = true;

    static {
        Nd4jSettings.ensure();
    }

    private Gemm() {
    }

    /**
     * Whether products call {@code sgemm} directly (the default) or through {@code Nd4j.gemm}; the results are the
     * same bits either way. For benchmarks that compare the two.
     */
    public static void directCalls(boolean on) {
        direct = on;
    }

    /** C = alpha · op(A) · op(B), op = transpose where asked; C must not overlap A or B. */
    public static void product(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, float alpha) {
        if (!direct || !plain(a) || !plain(b) || !plain(c)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, 0.0);
            return;
        }
        int m = (int) (transposeA ? a.size(1) : a.size(0));
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        int kb = (int) (transposeB ? b.size(1) : b.size(0));
        int n = (int) (transposeB ? b.size(0) : b.size(1));
        if (k != kb || c.size(0) != m || c.size(1) != n) {
            throw new IllegalArgumentException("product of " + shape(a, transposeA) + " and " + shape(b, transposeB) + " into "
                    + c.size(0) + "×" + c.size(1) + ": inner sizes must agree and C must be " + m + "×" + n);
        }
        openblas.cblas_sgemm(openblas.CblasRowMajor, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha,
                pointer(a), (int) a.size(1), pointer(b), (int) b.size(1), 0f, pointer(c), n);
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? x.size(1) + "×" + x.size(0) + " (transposed)" : x.size(0) + "×" + x.size(1);
    }

    private static FloatPointer pointer(INDArray x) {
        Pointer p = x.data().addressPointer();
        return p instanceof FloatPointer f ? f : new FloatPointer(p);
    }

    /** A dense float C-order matrix starting at its buffer's start, rows packed: what sgemm's row-major call reads. */
    private static boolean plain(INDArray x) {
        return x.rank() == 2 && x.dataType() == DataType.FLOAT && x.ordering() == 'c' && x.offset() == 0
                && x.stride(1) == 1 && x.stride(0) == x.size(1) && x.length() == x.data().length() && !x.isView();
    }
}
