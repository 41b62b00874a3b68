package dropout.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutRateTest {

    @Test
    void dropAndKeepAreComplements() {
        DropoutRate d = DropoutRate.drop(0.2);
        assertEquals(0.2, d.dropProbability());
        assertEquals(0.8, d.keepProbability(), 0.0);
        DropoutRate k = DropoutRate.keep(0.8);
        assertEquals(0.8, k.keepProbability());
        assertEquals(0.2, k.dropProbability(), 1e-15);
    }

    @Test
    void bothConventionsDescribeTheSameRate() {
        assertEquals(DropoutRate.drop(0.3), DropoutRate.keep(0.7));
        assertEquals(DropoutRate.drop(0.3).hashCode(), DropoutRate.keep(0.7).hashCode());
        assertNotEquals(DropoutRate.drop(0.3), DropoutRate.keep(0.3));
    }

    @Test
    void printsBothConventionsWithoutRoundingNoise() {
        assertEquals("drop p = 0.2 (keep q = 0.8)", DropoutRate.keep(0.8).toString());
        assertEquals("drop p = 1 (keep q = 0)", DropoutRate.drop(1).toString());
    }

    @Test
    void edgesAreAllowed() {
        assertEquals(1.0, DropoutRate.drop(0).keepProbability());
        assertEquals(0.0, DropoutRate.drop(1).keepProbability());
        assertEquals(1.0, DropoutRate.keep(0).dropProbability());
        assertEquals(DropoutRate.NONE, DropoutRate.keep(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY, -1e-300 * 1e-300 - 1e-9})
    void dropOutsideUnitIntervalIsRejectedNamingValueAndRule(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DropoutRate.drop(p));
        assertTrue(e.getMessage().contains("drop probability p = " + p), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        assertFalse(e.getMessage().contains("DropoutRate.keep(q)"), "keep(q) refuses it too: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, 2.0, Double.NaN})
    void keepOutsideUnitIntervalIsRejectedNamingValueAndRule(double q) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DropoutRate.keep(q));
        assertTrue(e.getMessage().contains("keep probability q = " + q), e.getMessage());
        assertFalse(e.getMessage().contains("DropoutRate.drop(p)"), "drop(p) refuses it too: " + e.getMessage());
    }

    @Test
    void factoriesOfBothStylesValidateToo() {
        assertThrows(IllegalArgumentException.class, () -> InvertedDropout.drop(1.01));
        assertThrows(IllegalArgumentException.class, () -> VanillaDropout.keep(-0.01));
    }
}
