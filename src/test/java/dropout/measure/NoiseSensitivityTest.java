package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.data.Dataset;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.testing.Blobs;
import org.junit.jupiter.api.Test;

class NoiseSensitivityTest {
    private final Dataset data = Blobs.make(300, 12, 4, 1.5, 1);
    private final Network net = Mlp.sizes(12, 16, 4).init(Init.he()).build(2);

    @Test
    void noNoiseChangesNothing() {
        NoiseSensitivity s = NoiseSensitivity.of(net, data, 300, 0.0, 1);
        assertEquals(0, s.changedFraction(), 0.0);
        assertEquals(0, s.meanProbabilityShift(), 1e-12);
    }

    @Test
    void moreNoiseChangesMoreAndTheSameSeedRepeats() {
        NoiseSensitivity small = NoiseSensitivity.of(net, data, 300, 0.1, 1);
        NoiseSensitivity big = NoiseSensitivity.of(net, data, 300, 3.0, 1);
        assertTrue(big.changedFraction() > small.changedFraction(), small + " vs " + big);
        assertTrue(big.meanProbabilityShift() > small.meanProbabilityShift());
        assertTrue(big.meanProbabilityShift() <= 2.0);
        assertEquals(small, NoiseSensitivity.of(net, data, 300, 0.1, 1));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> NoiseSensitivity.of(net, data, 0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSensitivity.of(net, data, 301, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSensitivity.of(net, data, 10, Double.NaN, 1));
    }
}
