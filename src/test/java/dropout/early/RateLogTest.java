package dropout.early;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.train.Step;
import org.junit.jupiter.api.Test;

class RateLogTest {

    /** Feeds the log the rates {@code p[0], p[1], ...} as if a trainer had set them before each update. */
    private static RateLog logOf(double... p) {
        Network net = Mlp.sizes(3, 4, 2).dropoutEverywhere(InvertedDropout.drop(0.5)).build(1);
        RateLog log = new RateLog();
        for (int t = 0; t < p.length; t++) {
            DropoutRate r = DropoutRate.drop(p[t]);
            net.setDropoutRate(r);
            log.afterStep(new Step(t, 1, 1.0, r, net));
        }
        return log;
    }

    @Test
    void maxAndMinOverARange() {
        RateLog log = logOf(0.1, 0.1, 0.05, 0.0, 0.0, 0.0);
        assertEquals(0.1, log.max(0, 6));
        assertEquals(0.0, log.min(0, 6));
        assertEquals(0.0, log.max(3, 6), "from the cutoff on, no dropout");
        assertEquals(0.05, log.max(2, 3));
        assertEquals(0.05, log.min(1, 3));
    }

    @Test
    void theEndIsClippedToWhatWasRecorded() {
        RateLog log = logOf(0.0, 0.0, 0.3, 0.3);
        assertEquals(0.3, log.min(2, Long.MAX_VALUE));
        assertEquals(0.0, log.max(0, 2));
        assertEquals(0.3, log.max(0, 100));
    }

    @Test
    void anEmptyRangeIsNaN() {
        RateLog log = logOf(0.1, 0.1);
        assertTrue(Double.isNaN(log.max(2, 10)), "nothing recorded from iteration 2 on");
        assertTrue(Double.isNaN(log.min(1, 1)));
        assertTrue(Double.isNaN(new RateLog().max(0, 5)));
    }

    @Test
    void rejectsBackwardRanges() {
        RateLog log = logOf(0.1, 0.1);
        assertThrows(IllegalArgumentException.class, () -> log.max(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> log.min(2, 1));
    }

    @Test
    void growsPastItsFirstCapacity() {
        double[] p = new double[3000];
        java.util.Arrays.fill(p, 2500, 3000, 0.2);
        RateLog log = logOf(p);
        assertEquals(3000, log.size());
        assertEquals(0.0, log.max(0, 2500));
        assertEquals(0.2, log.min(2500, 3000));
    }
}
