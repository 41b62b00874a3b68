package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.FloatArrays;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.nn.Dense;
import dropout.nn.DropoutLayer;
import dropout.nn.Init;
import dropout.nn.Mlp;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Survivors, GradientZeros and Magnitude: what notebook 1 and 2 print about one pass. */
class PassMeasuresTest {

    @Test
    void survivorsReadKeptCountAndScaleFromInputAndOutput() {
        var s = Survivors.of(FloatArrays.matrix(new float[] {1, 2, 3, 4}, 1, 4), FloatArrays.matrix(new float[] {2, 0, 6, 0}, 1, 4));
        assertEquals(2, s.kept());
        assertEquals(4, s.total());
        assertEquals(2.0, s.smallestScale(), 0.0);
        assertEquals("kept 2 of 4, each x 2.00", s.toString());
        var none = Survivors.of(FloatArrays.matrix(new float[] {1, 2}, 1, 2), FloatArrays.matrix(new float[] {0, 0}, 1, 2));
        assertEquals("kept 0 of 2: all 0", none.toString());
        var mixed = Survivors.of(FloatArrays.matrix(new float[] {1, 1}, 1, 2), FloatArrays.matrix(new float[] {1, 3}, 1, 2));
        assertEquals("kept 2 of 2, each x 1.00 to 3.00", mixed.toString());
    }

    @Test
    void survivorsOfInvertedDropoutAreScaledByOneOverQ() {
        var x = RandomMatrix.uniform(Rng.seeded(0), 20, 30).addi(0.1);
        var y = InvertedDropout.drop(0.75).train(x, Rng.seeded(1));
        var s = Survivors.of(x, y);
        assertEquals(4.0, s.smallestScale(), 1e-5);
        assertEquals(4.0, s.largestScale(), 1e-5);
        long nonZero = 600 - FloatArrays.bitIdentical(y.dup('c').data().asFloat(), new float[600]);
        assertEquals(nonZero, s.kept());
        // 600 draws at q = 0.25: sd sqrt(600 * 0.25 * 0.75) = 10.6; 4 sd
        assertEquals(150, s.kept(), 43);
    }

    @Test
    void survivorsRejectNaNAndMismatchedSizes() {
        var x = FloatArrays.matrix(new float[] {1, 2}, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> Survivors.of(x, FloatArrays.matrix(new float[] {Float.NaN, 0}, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Survivors.of(x, FloatArrays.matrix(new float[] {1, 2, 3}, 1, 3)));
    }

    @Test
    void gradientZerosCoverEveryWeightIntoADroppedUnit() {
        var net = Mlp.sizes(4, 5, 3).init(Init.normal(1)).dropout(InvertedDropout.drop(0.5)).build(98);
        net.lossAndGradients(Nd4j.create(new float[][] {{1.0f, -0.5f, 2.0f, 0.5f}}), new int[] {0});
        float[] mask = net.layersOf(DropoutLayer.class).get(0).lastMask().dup('c').data().asFloat();
        long dropped = 0;
        for (float m : mask) {
            if (m == 0f) {
                dropped++;
            }
        }
        var first = net.layersOf(Dense.class).get(0).params().get(0);
        assertTrue(first.exactZeroGradients() >= 4 * dropped);
        var table = GradientZeros.of(net);
        assertEquals(4, table.rowCount());
        String text = table.toString();
        assertTrue(text.contains("[4, 5]") && text.contains("[5, 3]") && text.startsWith("parameter"), text);
    }

    @Test
    void rmsAboutACentreColumn() {
        var values = FloatArrays.matrix(new float[] {1, 3, 2, 2}, 2, 2);
        var centre = FloatArrays.matrix(new float[] {1, 2}, 2, 1);
        assertEquals(1.0, Magnitude.rmsAbout(values, centre), 1e-7);
        assertEquals(Math.sqrt((0 + 4 + 1 + 1) / 4.0), Magnitude.rmsAbout(values, FloatArrays.matrix(new float[] {1, 1}, 2, 1)), 1e-7);
        var e = assertThrows(IllegalArgumentException.class, () -> Magnitude.rmsAbout(values, FloatArrays.matrix(new float[] {1, 2}, 1, 2)));
        assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
    }
}
