package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FiniteDifferenceTest {

    @Test
    void passesARightGradientAndLeavesXAsItWas() {
        float[] x = {0.3f, -1.2f, 2.0f, 0.7f};
        float[] before = x.clone();
        // L = Σ x_i³ / 3 + x_0 x_1: dL/dx_i = x_i² (+ the cross terms)
        float[] g = {x[0] * x[0] + x[1], x[1] * x[1] + x[0], x[2] * x[2], x[3] * x[3]};
        FiniteDifference fd = FiniteDifference.check(x, g, v -> {
            double l = v[0] * (double) v[1];
            for (float t : v) {
                l += t * (double) t * t / 3;
            }
            return l;
        });
        assertTrue(fd.passes(), fd.toString());
        assertEquals(4, fd.entries());
        assertArrayEquals(before, x, 0f);
        assertTrue(fd.toString().startsWith("passes"), fd.toString());
    }

    @Test
    void failsAGradientMissingAFactorAndNamesTheWorstEntry() {
        float[] x = {1f, 2f, 3f};
        float[] half = {0.5f, 0.5f, 1.5f}; // right for entries 0..1 would be 1, 1; entry 2 is 3 * 0.5
        FiniteDifference fd = FiniteDifference.check(x, half, v -> v[0] + v[1] + 3.0 * v[2]);
        assertFalse(fd.passes());
        assertEquals(1.0 / 3.0, fd.maxRelativeError(), 1e-4, "|1 - 0.5| / (1 + 0.5)");
        assertTrue(fd.toString().startsWith("FAILS"), fd.toString());
        assertEquals(1.0, fd.numeric(), 1e-4);
    }

    @Test
    void checksALayerThroughItsLiveArrays() {
        Dense d = new Dense(3, 2, Init.normal(1), Rng.seeded(4));
        INDArray x = Buffers.matrix(2, 3).assign(0.5);
        d.forward(x, Mode.TRAIN);
        INDArray dy = Buffers.matrix(2, 2).assign(1);
        d.backward(dy, false);
        Param w = d.params().get(0);
        FiniteDifference fd = FiniteDifference.check(w.value(), w.gradient(),
                () -> d.forward(x, Mode.TRAIN).sumNumber().doubleValue());
        assertTrue(fd.passes(), fd.toString());
        FiniteDifference smallStep = FiniteDifference.check(w.value(), w.gradient(),
                () -> d.forward(x, Mode.TRAIN).sumNumber().doubleValue(), 1e-3);
        assertTrue(smallStep.passes(), smallStep.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> FiniteDifference.check(w.value(), w.gradient(),
                () -> 0.0, 0.0));
        assertTrue(e.getMessage().contains("eps = 0.0"), e.getMessage());
    }

    @Test
    void invertedDropoutsBackwardNeedsTheOneOverKeep() {
        DropoutLayer layer = new DropoutLayer(4, InvertedDropout.drop(0.5), Rng.seeded(8));
        INDArray x = Buffers.matrix(3, 4).assign(1.5);
        layer.forward(x, Mode.TRAIN);
        INDArray mask = layer.lastMask().dup();
        INDArray dy = Buffers.matrix(3, 4).assign(1);
        INDArray dx = layer.backward(dy, true).dup();
        assertTrue(FiniteDifference.check(x, dx, () -> x.mul(mask).muli(2).sumNumber().doubleValue()).passes());
        assertFalse(FiniteDifference.check(x, mask, () -> x.mul(mask).muli(2).sumNumber().doubleValue()).passes(),
                "dout · mask without 1/q is off by the factor 2");
    }

    @Test
    void countsExactlyZeroGradients() {
        Param p = new Param("W", Buffers.matrix(2, 2), Buffers.matrix(2, 2));
        assertEquals(4, p.exactZeroGradients());
        p.gradient().putScalar(0, 1e-30f);
        p.gradient().putScalar(1, -0f);
        assertEquals(3, p.exactZeroGradients(), "1e-30 is small, not zero; -0 is zero");
    }

    @Test
    void rejectsMismatchedLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifference.check(new float[3], new float[2], v -> 0));
        assertTrue(e.getMessage().contains("gradient has 2 entries but x has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FiniteDifference.check(new float[0], new float[0], v -> 0));
    }
}
