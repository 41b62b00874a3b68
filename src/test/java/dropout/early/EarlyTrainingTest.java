package dropout.early;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.nn.DropoutLayer;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.nn.StochasticLayer;
import dropout.testing.Blobs;
import dropout.train.DropoutSchedule;
import dropout.train.History;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trainer really trains with the schedule's rate: the layers hold it and their masks show it. */
class EarlyTrainingTest {
    private final Dataset train = Blobs.make(700, 12, 4, 1.5, 777, 1);
    private final Dataset test = Blobs.make(200, 12, 4, 1.5, 777, 2);
    private final TrainConfig config = TrainConfig.d2l().epochs(3).batchSize(100).learningRate(0.2);

    /** Per iteration: each dropout layer's rate, and whether its last training pass dropped any unit. */
    private record Seen(double[] rates, boolean[] dropped) {
    }

    private List<Seen> train(DropoutSchedule schedule, RateLog log, List<History> out) {
        Network net = Mlp.sizes(12, 32, 16, 4).dropoutEverywhere(InvertedDropout.drop(0.5)).build(3);
        List<Seen> seen = new ArrayList<>();
        History h = new Trainer(config).quiet().schedule(schedule).listen(log).listen(s -> {
            List<StochasticLayer> layers = s.network().dropoutLayers();
            double[] rates = new double[layers.size()];
            boolean[] dropped = new boolean[layers.size()];
            for (int i = 0; i < layers.size(); i++) {
                rates[i] = layers.get(i).rate().dropProbability();
                var mask = ((DropoutLayer) layers.get(i)).lastMask();
                dropped[i] = mask != null && mask.minNumber().doubleValue() == 0.0;
                if (rates[i] == 0.0) {
                    assertNull(mask, "at p = 0 the layer is the identity: no mask at iteration " + s.iteration());
                } else {
                    assertNotNull(mask);
                }
            }
            seen.add(new Seen(rates, dropped));
        }).fit(schedule.toString(), net, train, test);
        out.add(h);
        return seen;
    }

    @Test
    void earlyDropoutTrainsWithRateZeroFromTheCutoff() {
        int perEpoch = config.iterationsPerEpoch(train.size());
        assertEquals(7, perEpoch);
        RateLog log = new RateLog();
        List<History> h = new ArrayList<>();
        List<Seen> seen = train(Schedules.early(DropoutRate.drop(0.3), 10), log, h);
        assertEquals(21, seen.size());
        for (int t = 0; t < 21; t++) {
            for (int layer = 0; layer < 2; layer++) {
                assertEquals(t < 10 ? 0.3 : 0.0, seen.get(t).rates()[layer], "iteration " + t);
                assertEquals(t < 10, seen.get(t).dropped()[layer], "iteration " + t + " dropped units");
            }
        }
        double[] expected = new double[21];
        java.util.Arrays.fill(expected, 0, 10, 0.3);
        assertArrayEquals(expected, log.dropProbabilities());
        assertTrue(log.allLayersAgreed());
        assertEquals(21, log.iterations().length);
        assertEquals(20.0, log.iterations()[20]);
        // EpochStats.dropRate is the rate of each epoch's last iteration: 6 → 0.3, 13 → 0, 20 → 0
        assertEquals(0.3, h.get(0).epochs().get(0).dropRate());
        assertEquals(0.0, h.get(0).epochs().get(1).dropRate());
        assertEquals(0.0, h.get(0).epochs().get(2).dropRate());
    }

    @Test
    void lateDropoutStartsAtTheCutoff() {
        RateLog log = new RateLog();
        List<Seen> seen = train(Schedules.late(DropoutRate.drop(0.3), 1, 7), log, new ArrayList<>());
        for (int t = 0; t < 21; t++) {
            assertEquals(t < 7 ? 0.0 : 0.3, seen.get(t).rates()[1], "iteration " + t);
            assertEquals(t >= 7, seen.get(t).dropped()[0], "iteration " + t);
        }
    }

    @Test
    void linearEarlyDropoutFollowsItsSchedule() {
        DropoutSchedule s = Schedules.earlyLinear(DropoutRate.drop(0.5), 2, 7);
        RateLog log = new RateLog();
        List<Seen> seen = train(s, log, new ArrayList<>());
        assertArrayEquals(Schedules.dropProbabilities(s, 21), log.dropProbabilities());
        assertEquals(0.5, log.dropProbabilities()[0]);
        assertEquals(0.0, log.dropProbabilities()[13]);
        assertTrue(log.dropProbabilities()[12] > 0);
        assertTrue(seen.get(12).dropped()[0] || seen.get(12).dropped()[1] || seen.get(11).dropped()[0]);
    }
}
