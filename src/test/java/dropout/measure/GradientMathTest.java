package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientMathTest {

    @Test
    void normAndDistanceOnHandComputedCases() {
        assertEquals(5.0, GradientMath.norm(new float[] {3, 4}));
        assertEquals(5.0, GradientMath.norm(new double[] {3, 0, -4}));
        assertEquals(0.0, GradientMath.norm(new float[3]));
        assertEquals(Math.sqrt(8), GradientMath.distance(new float[] {1, 2, 3}, new float[] {1, 0, 1}), 1e-15);
        assertEquals(13.0, GradientMath.distance(new float[] {-5, 0, 12}, new float[3]));
        assertEquals(0.0, GradientMath.distance(new float[] {0.1f, 7}, new float[] {0.1f, 7}));
        assertEquals(11.0, GradientMath.dot(new float[] {1, 2}, new float[] {3, 4}));
    }

    @Test
    void directionGapIsZeroHalfOrOne() {
        float[] a = {1, 2, -3};
        assertEquals(0.0, GradientMath.directionGap(a, a), 1e-15);
        assertEquals(0.0, GradientMath.directionGap(a, new float[] {2, 4, -6}), 1e-15);   // same direction, other length
        assertEquals(1.0, GradientMath.directionGap(a, new float[] {-1, -2, 3}), 1e-15);
        assertEquals(0.5, GradientMath.directionGap(new float[] {1, 0}, new float[] {0, 5}), 1e-15);
        assertEquals(0.5 * (1 - Math.cos(Math.PI / 3)),
                GradientMath.directionGap(new float[] {1, 0}, new float[] {0.5f, (float) (Math.sqrt(3) / 2)}), 1e-7);
    }

    @Test
    void gdvOfIdenticalGradientsIsZero() {
        float[] g = {0.3f, -1.2f, 4f, 0f};
        assertEquals(0.0, GradientMath.directionVariance(new float[][] {g, g.clone(), g.clone(), g.clone()}), 1e-15);
    }

    @Test
    void gdvOfOppositeGradientsIsOne() {
        assertEquals(1.0, GradientMath.directionVariance(new float[][] {{1, 2, 3}, {-1, -2, -3}}), 1e-15);
        assertEquals(1.0, GradientMath.directionVariance(new float[][] {{1, 2, 3}, {-2, -4, -6}}), 1e-15);
    }

    @Test
    void gdvOfOrthogonalGradientsIsHalf() {
        float[][] axes = {{2, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 0.5f, 0}, {0, 0, 0, 7}};
        assertEquals(0.5, GradientMath.directionVariance(axes), 1e-15);
    }

    @Test
    void gdvAveragesOverAllPairs() {
        // pairs: (a,a') → 0, (a,−a) → 1, (a',−a) → 1: mean 2/3
        float[] a = {1, 1};
        assertEquals(2.0 / 3, GradientMath.directionVariance(new float[][] {a, {2, 2}, {-1, -1}}), 1e-15);
    }

    @Test
    void gdeOnKnownAnswers() {
        double[] ref = {0, 2, 0};
        assertEquals(0.0, GradientMath.directionError(new float[][] {{0, 1, 0}, {0, 9, 0}}, ref), 1e-15);
        assertEquals(1.0, GradientMath.directionError(new float[][] {{0, -1, 0}}, ref), 1e-15);
        assertEquals(0.5, GradientMath.directionError(new float[][] {{1, 0, 0}, {0, 0, -3}}, ref), 1e-15);
        // one identical (0), one opposite (1), one orthogonal (½): mean ½
        assertEquals(0.5, GradientMath.directionError(new float[][] {{0, 1, 0}, {0, -1, 0}, {1, 0, 0}}, ref), 1e-15);
    }

    @Test
    void meanNorm() {
        assertEquals(3.75, GradientMath.meanNorm(new float[][] {{3, 4}, {6, 8}, {0, 0}, {0, 0}}), 1e-15);
    }

    @Test
    void zeroVectorsHaveNoDirection() {
        assertTrue(Double.isNaN(GradientMath.cosine(new float[] {0, 0}, new float[] {1, 0})));
        assertTrue(Double.isNaN(GradientMath.directionVariance(new float[][] {{0, 0}, {1, 0}})));
        assertTrue(Double.isNaN(GradientMath.directionError(new float[][] {{1, 0}}, new double[2])));
    }

    @Test
    void badShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientMath.directionVariance(new float[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientMath.directionVariance(new float[][] {{1, 2}, {1, 2, 3}}));
        assertTrue(e.getMessage().contains("gradient 1 has 3 values but gradient 0 has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientMath.distance(new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> GradientMath.directionError(new float[][] {{1, 2}}, new double[3]));
    }
}
