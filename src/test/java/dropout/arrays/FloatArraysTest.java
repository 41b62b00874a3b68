package dropout.arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FloatArraysTest {
    @Test
    void matrixKeepsRowMajorOrder() {
        var m = FloatArrays.matrix(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new long[] {2, 3}, m.shape());
        assertEquals(4f, m.getFloat(1, 0));
        assertEquals(3f, m.getFloat(0, 2));
    }

    @Test
    void matrixCopiesItsInput() {
        float[] v = {1, 2};
        var m = FloatArrays.matrix(v, 1, 2);
        v[0] = 9;
        assertEquals(1f, m.getFloat(0, 0));
    }

    @Test
    void matrixRejectsAWrongCountNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> FloatArrays.matrix(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("= 6"), e.getMessage());
    }

    @Test
    void bitIdenticalCountsExactBits() {
        float[] a = {1f, 0f, Float.NaN, 1f + Math.ulp(1f)};
        float[] b = {1f, -0f, Float.NaN, 1f};
        assertEquals(2, FloatArrays.bitIdentical(a, b));
        assertEquals(4, FloatArrays.bitIdentical(a, a.clone()));
        assertThrows(IllegalArgumentException.class, () -> FloatArrays.bitIdentical(a, new float[3]));
    }

    @Test
    void nanCountAndShape() {
        assertEquals(2, FloatArrays.nanCount(new float[] {Float.NaN, 0f, 0f / 0f, Float.POSITIVE_INFINITY}));
        assertEquals(0, FloatArrays.nanCount(new float[0]));
        assertEquals("[2, 3]", FloatArrays.shape(FloatArrays.matrix(new float[6], 2, 3)));
    }
}
