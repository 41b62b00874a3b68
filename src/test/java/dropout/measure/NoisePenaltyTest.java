package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.core.Rng;
import org.junit.jupiter.api.Test;

class NoisePenaltyTest {
    private static float[] seeded(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.gaussian();
        }
        return v;
    }

    @Test
    void monteCarloAgreesWithTheFormulaWithinFourStandardErrors() {
        float[] w = seeded(50, 1);
        float[] x = seeded(50, 2);
        for (NoisePenalty n : new NoisePenalty[] {
                NoisePenalty.dropout(w, x, 0.7, 0.5, 40_000, 3), NoisePenalty.dropout(w, x, -2, 0.2, 40_000, 4),
                NoisePenalty.gaussian(w, x, 0.7, 0.3, 40_000, 5)}) {
            assertEquals(n.formula(), n.monteCarlo(), 4 * n.standardError(), n.toString());
        }
    }

    @Test
    void noNoiseNoPenaltyExactly() {
        float[] w = seeded(20, 6);
        float[] x = seeded(20, 7);
        NoisePenalty d = NoisePenalty.dropout(w, x, 1, 0.0, 10, 8);
        NoisePenalty g = NoisePenalty.gaussian(w, x, 1, 0.0, 10, 8);
        assertEquals(0, d.penalty(), 0.0);
        assertEquals(d.cleanError(), d.monteCarlo(), 1e-9);
        assertEquals(0, d.standardError(), 1e-9);
        assertEquals(g.cleanError(), g.monteCarlo(), 1e-9);
    }

    @Test
    void dropoutPenaltyIsPOverQTimesTheSumOfSquaredWeightedInputs() {
        NoisePenalty d = NoisePenalty.dropout(new float[] {1, 2}, new float[] {3, -1}, 0, 0.2, 2, 1);
        assertEquals(0.25 * (9 + 4), d.penalty(), 1e-12);
        assertEquals(1, d.cleanError(), 1e-12);
    }

    @Test
    void badInputsSayWhatToFix() {
        assertThrows(IllegalArgumentException.class, () -> NoisePenalty.dropout(new float[2], new float[3], 0, 0.5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> NoisePenalty.dropout(new float[2], new float[2], 0, 1.0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> NoisePenalty.gaussian(new float[2], new float[2], 0, -1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> NoisePenalty.gaussian(new float[2], new float[2], 0, 1, 1, 1));
    }
}
