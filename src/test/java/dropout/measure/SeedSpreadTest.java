package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedSpreadTest {

    @Test
    void meanSampleSdAndRange() {
        SeedSpread s = SeedSpread.of(1.0, 2.0, 6.0);
        assertEquals(3, s.n());
        assertEquals(3.0, s.mean(), 1e-15);
        // Σ(x − 3)² = 4 + 1 + 9 = 14, / (n − 1) = 7
        assertEquals(Math.sqrt(7.0), s.sd(), 1e-15);
        assertEquals(1.0, s.min());
        assertEquals(6.0, s.max());
        assertEquals(5.0, s.range());
        assertEquals(Math.sqrt(7.0 / 3.0), s.standardError(), 1e-15);
    }

    @Test
    void equalValuesHaveZeroSpread() {
        SeedSpread s = SeedSpread.of(0.25, 0.25, 0.25, 0.25);
        assertEquals(0.25, s.mean());
        assertEquals(0.0, s.sd());
        assertEquals(0.0, s.range());
    }

    @Test
    void oneSeedHasNoStandardDeviation() {
        SeedSpread s = SeedSpread.of(0.5);
        assertEquals(0.5, s.mean());
        assertTrue(Double.isNaN(s.sd()));
        assertEquals(0.5, s.min());
        assertEquals(0.5, s.max());
    }

    @Test
    void negativeValuesAreFine() {
        SeedSpread s = SeedSpread.of(-0.01, 0.01);
        assertEquals(0.0, s.mean(), 1e-18);
        assertEquals(Math.sqrt(2e-4), s.sd(), 1e-15);
    }

    @Test
    void rejectsNoValuesAndNonFiniteOnes() {
        assertThrows(IllegalArgumentException.class, SeedSpread::of);
        var e = assertThrows(IllegalArgumentException.class, () -> SeedSpread.of(1.0, Double.NaN));
        assertTrue(e.getMessage().contains("value 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeedSpread.of(Double.POSITIVE_INFINITY));
    }

    @Test
    void readsAsMeanPlusMinusSd() {
        assertEquals("3.0000 ± 2.6458 (sd over 3 seeds; min 1.0000, max 6.0000)", SeedSpread.of(1.0, 2.0, 6.0).toString());
    }
}
