package dropout.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The direct sgemm call gives exactly the bits of {@code Nd4j.gemm}, on every product shape a training step makes. */
class GemmTest {

    private static INDArray random(int rows, int cols, long seed) {
        INDArray x = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(x);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < rows * cols; i++) {
            b.put(i, (float) (r.nextDouble() * 2 - 1));
        }
        return x;
    }

    private static int[] bits(INDArray x) {
        float[] v = x.data().asFloat();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }

    /** m, k, n: C[m, n] = op(A)[m, k] · op(B)[k, n]; the step's eight shapes at batch 256 and its last batch of 96, and odd ones. */
    @ParameterizedTest(name = "{0}×{1} · {1}×{2}, transposed A {3}, B {4}, alpha {5}")
    @CsvSource({
        "256, 784, 256, false, false, 1", "256, 256, 256, false, false, 1", "256, 256, 10, false, false, 1",
        "784, 256, 256, true, false, 1", "256, 256, 256, true, false, 1", "256, 256, 10, true, false, 1",
        "256, 10, 256, false, true, 1", "256, 256, 256, false, true, 1",
        "96, 784, 256, false, false, 1", "784, 96, 256, true, false, 1", "96, 10, 256, false, true, 1",
        "1, 7, 3, false, false, 0.5", "5, 3, 1, true, true, 2", "33, 17, 9, false, true, 0.8"})
    void sameBitsAsNd4jGemm(int m, int k, int n, boolean ta, boolean tb, float alpha) {
        INDArray a = ta ? random(k, m, 1) : random(m, k, 1);
        INDArray b = tb ? random(n, k, 2) : random(k, n, 2);
        INDArray viaNd4j = Buffers.matrix(m, n);
        INDArray direct = Buffers.matrix(m, n);
        Nd4j.gemm(a, b, viaNd4j, ta, tb, alpha, 0.0);
        Gemm.product(a, b, direct, ta, tb, alpha);
        assertArrayEquals(bits(viaNd4j), bits(direct));
        assertTrue(Math.abs(viaNd4j.getFloat(0)) > 0 || m * n == 1, "a product of random inputs is not all zeros");
    }

    @Test
    void aViewGoesThroughNd4jWithTheSameResult() {
        INDArray big = random(8, 6, 3);
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6), org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray b = random(6, 4, 4);
        INDArray expected = Buffers.matrix(4, 4);
        INDArray got = Buffers.matrix(4, 4);
        Nd4j.gemm(view, b, expected, false, false, 1.0, 0.0);
        Gemm.product(view, b, got, false, false, 1f);
        assertArrayEquals(bits(expected), bits(got));
    }

    @Test
    void mismatchedSizesAreRejectedWithTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.product(random(4, 3, 1), random(5, 2, 2), Buffers.matrix(4, 2), false, false, 1f));
        assertTrue(e.getMessage().contains("4×3 and 5×2"), e.getMessage());
    }
}
