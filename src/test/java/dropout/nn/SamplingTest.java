package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.UnscaledDropout;
import dropout.core.VanillaDropout;
import dropout.variants.GaussianDropout;
import dropout.variants.Standout;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static Network net() {
        return new Network(List.of(
                new DropoutLayer(4, VanillaDropout.drop(0.2), Rng.seeded(1)),
                new GaussianDropout(4, DropoutRate.drop(0.3), Rng.seeded(2)),
                new Standout(4, 1, 0, Rng.seeded(3)),
                new DropoutLayer(4, InvertedDropout.drop(0.4), Rng.seeded(4))), 4);
    }

    /** The stream objects the layers hold now. */
    private static List<Rng> streams(Network net) {
        return net.stochasticLayers().stream().map(l -> {
            Rng own = l.swapRng(Rng.seeded(0));
            l.swapRng(own);
            return own;
        }).toList();
    }

    @Test
    void theNetworkListsEveryStochasticLayerAndTheDropoutLayersAmongThem() {
        Network net = net();
        assertEquals(4, net.stochasticLayers().size());
        assertEquals(3, net.dropoutLayers().size(), "Standout has no single rate");
        assertEquals(DropoutRate.drop(0.2), net.dropoutRate(), "the first dropout layer's rate");
    }

    @Test
    void closingPutsBackStreamsRatesAndStylesInAnyCombination() {
        Network net = net();
        List<StochasticLayer> layers = net.stochasticLayers();
        List<Rng> streams = streams(net);
        try (Sampling s = Sampling.of(net).ownStreams(Rng.seeded(9)).rate(DropoutRate.drop(0.5))) {
            s.rate(DropoutRate.NONE).style(d -> new UnscaledDropout(d.rate()));
            assertEquals(UnscaledDropout.class, layers.get(0).style().getClass());
            assertEquals(DropoutRate.NONE, layers.get(1).rate());
        }
        assertEquals(VanillaDropout.drop(0.2), layers.get(0).style());
        assertEquals(DropoutRate.drop(0.3), layers.get(1).rate());
        assertEquals(InvertedDropout.drop(0.4), layers.get(3).style());
        List<Rng> after = streams(net);
        for (int i = 0; i < layers.size(); i++) {
            assertSame(streams.get(i), after.get(i), "layer " + i + "'s own stream is back");
        }
    }

    @Test
    void anExceptionInsideTheScopeStillRestores() {
        Network net = net();
        List<Rng> before = streams(net);
        assertThrows(IllegalStateException.class, () -> Sampling.of(net).ownStreams(Rng.seeded(9)).rate(DropoutRate.drop(0.6))
                .run(() -> {
                    throw new IllegalStateException("measurement failed");
                }));
        List<Rng> after = streams(net);
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "layer " + i + "'s own stream is back");
        }
        assertEquals(DropoutRate.drop(0.2), net.dropoutRate());
    }

    @Test
    void aChangeThatFailsHalfWayPutsBackWhatItHadChanged() {
        Network net = net();
        // the first dropout layer accepts p = 1, Gaussian dropout rejects it: the first must get its own rate back
        assertThrows(IllegalArgumentException.class, () -> Sampling.of(net).rate(DropoutRate.drop(1.0)));
        assertEquals(DropoutRate.drop(0.2), net.dropoutRate());
    }
}
