package dropout.early;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.train.DropoutSchedule;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final DropoutRate P = DropoutRate.drop(0.1);

    private static double p(DropoutSchedule s, long t) {
        return s.at(t).dropProbability();
    }

    @Test
    void standardIsConstant() {
        DropoutSchedule s = Schedules.standard(P);
        for (long t : new long[] {0, 1, 99, 100, 101, 1_000_000}) {
            assertEquals(0.1, p(s, t));
        }
        assertEquals(0.0, p(Schedules.none(), 0));
        assertEquals(0.0, p(Schedules.none(), 12345));
    }

    @Test
    void earlyIsPBeforeTheCutoffAndZeroFromIt() {
        DropoutSchedule s = Schedules.early(P, 100);
        assertEquals(0.1, p(s, 0));
        assertEquals(0.1, p(s, 98));
        assertEquals(0.1, p(s, 99));
        assertEquals(0.0, p(s, 100));
        assertEquals(0.0, p(s, 101));
        assertEquals(0.0, p(s, 1_000_000));
    }

    @Test
    void lateIsZeroBeforeTheCutoffAndPFromIt() {
        DropoutSchedule s = Schedules.late(P, 100);
        assertEquals(0.0, p(s, 0));
        assertEquals(0.0, p(s, 99));
        assertEquals(0.1, p(s, 100));
        assertEquals(0.1, p(s, 101));
    }

    @Test
    void linearEarlyIsNumpysLinspaceThenZero() {
        // numpy 2.4.6: np.linspace(0.1, 0, 7) (the paper's build of the linear early schedule for a 7-iteration cutoff)
        double[] numpy = {0x1.999999999999ap-4, 0x1.5555555555556p-4, 0x1.1111111111112p-4, 0.05,
            0.03333333333333334, 0.016666666666666677, 0.0};
        DropoutSchedule s = Schedules.earlyLinear(P, 7);
        for (int t = 0; t < 7; t++) {
            assertEquals(Double.doubleToLongBits(numpy[t]), Double.doubleToLongBits(p(s, t)), "iteration " + t);
        }
        assertEquals(0.1, p(s, 0));          // iteration 0: p itself
        assertEquals(0.0, p(s, 6));          // cutoff − 1: exactly 0 (the rate reaches 0 one step before the cutoff)
        assertEquals(0.0, p(s, 7));          // cutoff: 0
        assertEquals(0.0, p(s, 8));          // after: 0
        // np.linspace(0.5, 0, 1175): values at 1, 300, 587 and 1173
        DropoutSchedule long_ = Schedules.earlyLinear(DropoutRate.drop(0.5), 1175);
        assertEquals(0x1.ff905ab64be26p-2, p(long_, 1));
        assertEquals(0x1.7d2a4da0ed3f4p-2, p(long_, 300));
        assertEquals(0x1.0000000000000p-2, p(long_, 587));
        assertEquals(0x1.be9526d076800p-12, p(long_, 1173));
        assertEquals(0.0, p(long_, 1174));
        assertEquals(0.0, p(long_, 1175));
    }

    @Test
    void linearEarlyDecreasesByPOverCutoffMinusOne() {
        DropoutSchedule s = Schedules.earlyLinear(DropoutRate.drop(0.3), 4);
        assertEquals(0.3, p(s, 0), 0);
        assertEquals(0.2, p(s, 1), 1e-15);
        assertEquals(0.1, p(s, 2), 1e-15);
        assertEquals(0.0, p(s, 3), 0);
        double[] all = Schedules.dropProbabilities(s, 200);
        for (int t = 1; t < all.length; t++) {
            assertTrue(all[t] <= all[t - 1], "not decreasing at " + t);
        }
    }

    @Test
    void tinyCutoffsFollowNumpy() {
        // np.linspace(p, 0, 1) = [p]; np.linspace(p, 0, 2) = [p, 0]; np.linspace(p, 0, 0) = []
        assertArrayEquals(new double[] {0.1, 0, 0}, Schedules.dropProbabilities(Schedules.earlyLinear(P, 1), 3));
        assertArrayEquals(new double[] {0.1, 0, 0}, Schedules.dropProbabilities(Schedules.earlyLinear(P, 2), 3));
        assertArrayEquals(new double[] {0, 0, 0}, Schedules.dropProbabilities(Schedules.earlyLinear(P, 0), 3));
        assertArrayEquals(new double[] {0.1, 0, 0}, Schedules.dropProbabilities(Schedules.early(P, 1), 3));
        assertArrayEquals(new double[] {0, 0, 0}, Schedules.dropProbabilities(Schedules.early(P, 0), 3));
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, Schedules.dropProbabilities(Schedules.late(P, 0), 3));
    }

    @Test
    void epochCutoffsAreEpochsTimesIterationsPerEpoch() {
        assertEquals(5 * 235L, Schedules.iterations(5, 235));
        assertEquals(Schedules.early(P, 1175), Schedules.early(P, 5, 235));
        assertEquals(Schedules.earlyLinear(P, 1175), Schedules.earlyLinear(P, 5, 235));
        assertEquals(Schedules.late(P, 1175), Schedules.late(P, 5, 235));
        assertEquals(0.1, p(Schedules.early(P, 5, 235), 1174));
        assertEquals(0.0, p(Schedules.early(P, 5, 235), 1175));
    }

    @Test
    void labelsAreShort() {
        assertEquals("early p=0.1 until 1175", Schedules.early(P, 5, 235).toString());
        assertEquals("late p=0.1 from 1175", Schedules.late(P, 5, 235).toString());
        assertEquals("early linear p=0.1→0 until 10", Schedules.earlyLinear(P, 10).toString());
        assertEquals("standard p=0.1", Schedules.standard(P).toString());
        assertEquals("no dropout", Schedules.none().toString());
    }

    @Test
    void nonsenseIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.early(P, -1));
        assertTrue(e.getMessage().contains("cutoff = -1 iterations is negative"), e.getMessage());
        assertTrue(e.getMessage().contains("Give 0 or more"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedules.late(P, -5));
        assertThrows(IllegalArgumentException.class, () -> Schedules.earlyLinear(P, -5));
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.early(P, -2, 235));
        assertTrue(e.getMessage().contains("cutoff = -2 epochs is negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.early(P, 5, 0));
        assertTrue(e.getMessage().contains("iterationsPerEpoch = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.early(P, 5).at(-1));
        assertTrue(e.getMessage().contains("iteration = -1"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> Schedules.early(null, 5));
        assertTrue(n.getMessage().contains("DropoutRate.drop(0.1)"), n.getMessage());
    }
}
