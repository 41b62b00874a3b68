package dropout.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossTraceTest {
    private static LossTrace of(double... losses) {
        LossTrace t = new LossTrace();
        for (int i = 0; i < losses.length; i++) {
            t.afterStep(new Step(i, 1, losses[i], null, null));
        }
        return t;
    }

    @Test
    void smoothsWithTheOldValueWeighted() {
        LossTrace t = of(1.0, 0.0, 0.0);
        assertArrayEquals(new double[] {1.0, 0.9, 0.81}, t.smoothed(0.9), 1e-12);
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, t.smoothed(0.0), 0.0);
        assertEquals(3, t.firstBelow(0.85, 0.9));
        assertEquals(-1, t.firstBelow(0.5, 0.9));
    }

    @Test
    void keepsEveryIterationBeyondItsFirstBuffer() {
        double[] many = new double[5000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertArrayEquals(many, of(many).losses(), 0.0);
    }

    @Test
    void refusesAWeightOfOne() {
        assertThrows(IllegalArgumentException.class, () -> of(1.0).smoothed(1.0));
    }
}
