package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.early.RateLog;
import dropout.early.Schedules;
import dropout.measure.SeedResults.Metric;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.testing.Blobs;
import dropout.train.EpochStats;
import dropout.train.Evaluation;
import dropout.train.History;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedResultsTest {

    /** A history whose epoch e (from 1) has train loss {@code base / e}, test accuracy {@code acc}, rate {@code p}. */
    private static History history(String label, double base, double acc, double p, int epochs) {
        History h = new History(label);
        for (int e = 1; e <= epochs; e++) {
            h.add(new EpochStats(e, base / e, 0.5, base / e + 0.1, acc, 1.0, p));
        }
        return h;
    }

    private static SeedResults twoConfigs() {
        SeedResults r = new SeedResults();
        r.add("none", 1, history("none", 1.0, 0.80, 0.0, 3), new Evaluation(0.40, 0.86), null, null);
        r.add("none", 2, history("none", 2.0, 0.82, 0.0, 3), new Evaluation(0.50, 0.84), null, null);
        r.add("none", 3, history("none", 3.0, 0.84, 0.0, 3), new Evaluation(0.60, 0.82), null, null);
        r.add("early", 2, history("early", 1.0, 0.83, 0.1, 3), new Evaluation(0.45, 0.85), null, null);
        r.add("early", 1, history("early", 2.0, 0.81, 0.1, 3), new Evaluation(0.38, 0.87), null, null);
        r.add("early", 3, history("early", 3.0, 0.85, 0.1, 3), new Evaluation(0.59, 0.83), null, null);
        return r;
    }

    @Test
    void spreadOverSeedsOfEachMetric() {
        SeedResults r = twoConfigs();
        assertEquals(List.of("none", "early"), r.configs());
        assertEquals(3, r.seeds("none"));
        assertEquals(3, r.minSeeds());
        SeedSpread loss = r.spread("none", Metric.TRAIN_LOSS);
        assertEquals(0.5, loss.mean(), 1e-12);
        assertEquals(0.1, loss.sd(), 1e-12);
        assertEquals(0.4, loss.min());
        assertEquals(0.6, loss.max());
        assertEquals(0.82, r.spread("none", Metric.TEST_ACCURACY).mean(), 1e-12);
        assertEquals(0.84, r.spread("none", Metric.TRAIN_ACCURACY).mean(), 1e-12);
        // test loss of the last epoch: base / 3 + 0.1
        assertEquals((1.0 / 3 + 2.0 / 3 + 3.0 / 3) / 3 + 0.1, r.spread("none", Metric.TEST_LOSS).mean(), 1e-12);
        // gaps: 0.86 − 0.80, 0.84 − 0.82, 0.82 − 0.84
        SeedSpread gap = r.spread("none", Metric.ACCURACY_GAP);
        assertEquals(0.02, gap.mean(), 1e-12);
        assertEquals(-0.02, gap.min(), 1e-12);
    }

    @Test
    void pairedDifferencesMatchSeedsNotOrder() {
        SeedResults r = twoConfigs();
        SeedSpread d = r.pairedDifference("early", "none", Metric.TRAIN_LOSS);
        // seed 1: 0.38 − 0.40, seed 2: 0.45 − 0.50, seed 3: 0.59 − 0.60
        assertEquals(3, d.n());
        assertEquals((-0.02 - 0.05 - 0.01) / 3, d.mean(), 1e-12);
        assertEquals(-0.05, d.min(), 1e-12);
        assertEquals(-0.01, d.max(), 1e-12);
        assertEquals(0.0, r.pairedDifference("none", "none", Metric.TEST_ACCURACY).max());
    }

    @Test
    void pairingNeedsTheBaselinesSeeds() {
        SeedResults r = twoConfigs();
        r.add("extra", 7, history("extra", 1.0, 0.8, 0.0, 3), new Evaluation(0.4, 0.8), null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> r.pairedDifference("extra", "none", Metric.TRAIN_LOSS));
        assertTrue(e.getMessage().contains("seed 7"), e.getMessage());
        assertEquals(1, r.minSeeds());
    }

    @Test
    void meanHistoryAveragesEpochByEpoch() {
        SeedResults r = twoConfigs();
        History m = r.meanHistory("none");
        assertEquals("none", m.label());
        assertEquals(3, m.epochs().size());
        assertEquals(2.0, m.trainLoss()[0], 1e-12);
        assertEquals(1.0, m.trainLoss()[1], 1e-12);
        assertEquals(0.82, m.testAccuracy()[2], 1e-12);
        assertEquals(0.1, r.meanHistory("early").epochs().get(0).dropRate(), 1e-12);
        assertEquals(2, r.meanHistories().size());
        assertEquals("early", r.meanHistories().get(1).label());
    }

    @Test
    void meanHistoryNeedsRunsOfOneLength() {
        SeedResults r = new SeedResults();
        r.add("a", 1, history("a", 1.0, 0.8, 0, 3), new Evaluation(0.4, 0.8), null, null);
        r.add("a", 2, history("a", 1.0, 0.8, 0, 2), new Evaluation(0.4, 0.8), null, null);
        assertThrows(IllegalArgumentException.class, () -> r.meanHistory("a"));
    }

    @Test
    void tableListsMeanSdMinMaxPerMetric() {
        String t = twoConfigs().table(Metric.TRAIN_LOSS, Metric.TEST_ACCURACY);
        String[] lines = t.split("\n");
        assertEquals(4, lines.length, t);
        assertTrue(lines[0].contains("seeds") && lines[0].contains("train loss (dropout off)") && lines[0].contains("test accuracy"), t);
        assertTrue(lines[1].startsWith("configuration") && lines[1].contains("mean") && lines[1].contains("sd"), t);
        assertTrue(lines[2].matches("none +3 +0\\.5000 +0\\.1000 +0\\.4000 +0\\.6000 +0\\.8200 +0\\.0200 +0\\.8000 +0\\.8400"), lines[2]);
        assertTrue(lines[3].startsWith("early "), t);
        for (String line : lines) {
            assertTrue(!line.endsWith(" "), "no trailing blanks: '" + line + "'");
        }
        assertThrows(IllegalArgumentException.class, () -> twoConfigs().table());
        assertThrows(IllegalStateException.class, () -> new SeedResults().table(Metric.TRAIN_LOSS));
    }

    @Test
    void rejectsDuplicateSeedsAndUnknownConfigs() {
        SeedResults r = twoConfigs();
        assertThrows(IllegalArgumentException.class,
                () -> r.add("none", 2, history("none", 1, 0.8, 0, 3), new Evaluation(0.4, 0.8), null, null));
        var e = assertThrows(IllegalArgumentException.class, () -> r.spread("late", Metric.TRAIN_LOSS));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.maxRate("none", 0, 10), "no RateLog recorded");
        assertThrows(IllegalArgumentException.class, () -> r.meanProbes("none"), "not probed");
    }

    @Test
    void meanProbesAverageTheSeedsLogs() {
        SeedResults r = new SeedResults();
        ProbeLog a = new ProbeLog(List.of(new ProbeRecord(10, 0.1, 1.0, 2.0, 0.2, 0.1, 1.5)));
        ProbeLog b = new ProbeLog(List.of(new ProbeRecord(10, 0.1, 3.0, 4.0, 0.4, 0.3, 0.5)));
        r.add("x", 1, history("x", 1, 0.8, 0.1, 1), new Evaluation(0.4, 0.8), null, a);
        r.add("x", 2, history("x", 1, 0.8, 0.1, 1), new Evaluation(0.4, 0.8), null, b);
        ProbeLog m = r.meanProbes("x");
        assertEquals(2.0, m.gradNorm()[0], 1e-12);
        assertEquals(3.0, m.distance()[0], 1e-12);
        assertEquals(0.3, m.gdv()[0], 1e-12);
        assertEquals(0.2, m.gde()[0], 1e-12);
        assertEquals(1.0, m.fullLoss()[0], 1e-12);
    }

    @Test
    void probeSpreadAndTableAtEachCheckpoint() {
        SeedResults r = new SeedResults();
        r.add("x", 1, history("x", 1, 0.8, 0.1, 1), new Evaluation(0.4, 0.8), null, new ProbeLog(List.of(
                new ProbeRecord(10, 0.1, 1.0, 2.0, 0.2, 0.1, 1.5), new ProbeRecord(20, 0.1, 1.0, 2.0, 0.30, 0.1, 1.5))));
        r.add("x", 2, history("x", 1, 0.8, 0.1, 1), new Evaluation(0.4, 0.8), null, new ProbeLog(List.of(
                new ProbeRecord(10, 0.1, 3.0, 4.0, 0.4, 0.3, 0.5), new ProbeRecord(20, 0.1, 1.0, 2.0, 0.50, 0.1, 1.5))));
        r.add("none", 1, history("none", 1, 0.8, 0.0, 1), new Evaluation(0.4, 0.8), null, new ProbeLog(List.of(
                new ProbeRecord(10, 0.0, 1.0, 2.0, 0.1, 0.1, 1.5), new ProbeRecord(20, 0.0, 1.0, 2.0, 0.1, 0.1, 1.5))));
        SeedSpread gdv = r.probeSpread("x", 20, ProbeRecord::gdv);
        assertEquals(0.4, gdv.mean(), 1e-12);
        assertEquals(Math.sqrt(0.02), gdv.sd(), 1e-12);
        assertEquals(2.0, r.probeSpread("x", 10, ProbeRecord::gradNorm).mean(), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> r.probeSpread("x", 15, ProbeRecord::gdv));
        assertTrue(e.getMessage().contains("15"), e.getMessage());

        String t = r.probeTable("GDV", ProbeRecord::gdv, "x", "none");
        String[] lines = t.split("\n");
        assertEquals(4, lines.length, t);
        assertTrue(lines[0].startsWith("GDV") && lines[0].contains("x") && lines[0].contains("none"), t);
        assertTrue(lines[1].startsWith("update") && lines[1].contains("mean") && lines[1].contains("sd"), t);
        assertTrue(lines[2].matches(" +10 +0\\.3000 +0\\.1414 +0\\.1000 +NaN"), lines[2]);
        assertTrue(lines[3].matches(" +20 +0\\.4000 +0\\.1414 +0\\.1000 +NaN"), lines[3]);
        assertThrows(IllegalArgumentException.class, () -> r.probeTable("GDV", ProbeRecord::gdv));
    }

    /** Real runs: the rates each seed recorded say that early dropout stopped at its cutoff and late dropout started there. */
    @Test
    void ratesOfRealRunsAfterTheCutoff() {
        Dataset train = Blobs.make(700, 12, 4, 1.5, 777, 1);
        Dataset test = Blobs.make(200, 12, 4, 1.5, 777, 2);
        TrainConfig config = TrainConfig.d2l().epochs(3).batchSize(100).learningRate(0.2);
        int perEpoch = config.iterationsPerEpoch(train.size());
        DropoutRate p = DropoutRate.drop(0.3);
        SeedResults r = new SeedResults();
        for (int seed = 1; seed <= 3; seed++) {
            for (var entry : List.of(
                    java.util.Map.entry("early", (dropout.train.DropoutSchedule) Schedules.early(p, 1, perEpoch)),
                    java.util.Map.entry("late", (dropout.train.DropoutSchedule) Schedules.late(p, 2, perEpoch)))) {
                Rng root = Rng.seeded(seed);
                Network net = Mlp.sizes(12, 16, 4).dropoutEverywhere(InvertedDropout.drop(0.3)).build(root.split());
                RateLog rates = new RateLog();
                History h = new Trainer(config.seed(seed)).quiet().schedule(entry.getValue()).listen(rates)
                        .fit(entry.getKey(), net, train, test);
                r.add(entry.getKey(), seed, h, Evaluation.of(net, train, 100), rates, null);
            }
        }
        assertEquals(0.3, r.maxRate("early", 0, perEpoch));
        assertEquals(0.3, r.minRate("early", 0, perEpoch));
        assertEquals(0.0, r.maxRate("early", perEpoch, Long.MAX_VALUE));
        assertEquals(0.0, r.maxRate("late", 0, 2L * perEpoch));
        assertEquals(0.3, r.minRate("late", 2L * perEpoch, Long.MAX_VALUE));
        assertTrue(Double.isNaN(r.maxRate("late", 3L * perEpoch, Long.MAX_VALUE)), "no iteration recorded past the end");
        assertTrue(r.spread("early", Metric.TEST_ACCURACY).mean() > 0.5, "the blobs are learnable");
        assertTrue(r.runs("early").get(0).toString().startsWith("early, seed 1: train loss (dropout off) "));
    }
}
