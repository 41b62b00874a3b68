package dropout.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExercisesTest {

    @Test
    void chanceLossIsLnOfTheClassCount() {
        assertTrue(ChanceLevel.checkLoss(100, Math.log(100)).message().startsWith("Right"));
        assertTrue(ChanceLevel.checkLoss(10, 2.3026).message().startsWith("Right"));
        assertTrue(ChanceLevel.checkLoss(10, 2.31).message().startsWith("Not yet: too high"));
        assertTrue(ChanceLevel.checkLoss(10, 0.1).message().startsWith("Not yet: too low"));
        assertTrue(ChanceLevel.checkLoss(10, Double.NaN).message().startsWith("Not yet: replace NaN"));
        assertFalse(ChanceLevel.checkLoss(100, 1.0).message().contains("4.60"), "a hint must not give the answer away");
        assertTrue(ChanceLevel.checkLoss(10, 2.3026).correct());
        assertFalse(ChanceLevel.checkLoss(10, 2.31).correct());
        assertThrows(IllegalArgumentException.class, () -> ChanceLevel.checkLoss(1, 0));
    }

    @Test
    void warmUpCountsThePowersOfTheMomentum() {
        assertEquals(44, MovingAverageWarmUp.batchesToReach(0.99, 0.9));   // 0.9^43 = 0.0108, 0.9^44 = 0.0097
        assertEquals(1, MovingAverageWarmUp.batchesToReach(0.1, 0.9));     // exactly 1 - 0.9 = 0.1 after one batch
        assertEquals(7, MovingAverageWarmUp.batchesToReach(0.99, 0.5));    // 0.5^7 = 0.0078
        assertTrue(MovingAverageWarmUp.check(0.99, 0.9, 44).message().startsWith("Right: 44"));
        assertTrue(MovingAverageWarmUp.check(0.99, 0.9, 10).message().startsWith("Not yet: too few"));
        assertTrue(MovingAverageWarmUp.check(0.99, 0.9, 100).message().startsWith("Not yet: too many"));
        assertFalse(MovingAverageWarmUp.check(0.99, 0.9, 100).message().contains("44"));
        assertTrue(MovingAverageWarmUp.check(0.99, 0.9, -1).message().startsWith("Not yet: replace"));
        assertTrue(MovingAverageWarmUp.check(0.99, 0.9, 44).correct());
        assertFalse(MovingAverageWarmUp.check(0.99, 0.9, -1).correct());
        assertThrows(IllegalArgumentException.class, () -> MovingAverageWarmUp.check(1.0, 0.9, 3));
    }
}
