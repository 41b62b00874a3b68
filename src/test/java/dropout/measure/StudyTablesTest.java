package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.early.Schedules;
import dropout.measure.SeedResults.Metric;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.report.Named;
import dropout.testing.Blobs;
import dropout.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed statistics a notebook's prose rests on: per-seed differences, t, epochs to targets, rate checks. */
class StudyTablesTest {
    private final Dataset train = Blobs.make(300, 8, 3, 2.0, 1);
    private final Dataset test = Blobs.make(100, 8, 3, 2.0, 2);
    private final TrainConfig config = TrainConfig.d2l().epochs(4).batchSize(32).learningRate(0.1);
    private final DropoutRate p = DropoutRate.drop(0.3);
    private final Schedules.Early early = Schedules.early(p, 10);
    private final Schedules.Late late = Schedules.late(p, 10);

    private StudyResults run() {
        return Study.of(train, test, config).seeds(3)
                .models(Named.of("width 4", Mlp.sizes(8, 4, 3).init(Init.he()).dropoutEverywhere(InvertedDropout.drop(0.3))))
                .schedules(Schedules.named("no dropout", Schedules.none()).and("early", early).and("late", late)).run();
    }

    @Test
    void tStatisticIsTheMeanInStandardErrors() {
        SeedSpread s = SeedSpread.of(1, 2, 3);   // mean 2, sd 1, se 1/sqrt 3
        assertEquals(2 * Math.sqrt(3), s.tStatistic(), 1e-12);
        assertEquals(2, s.degreesOfFreedom());
        assertTrue(Double.isNaN(SeedSpread.of(5).tStatistic()));
        assertEquals(Double.POSITIVE_INFINITY, SeedSpread.of(2, 2).tStatistic());
    }

    @Test
    void seedDifferencesAreRunMinusBaselineAtTheSameSeed() {
        StudyResults r = run();
        SeedResults s = r.of("width 4");
        double[] d = r.seedDifferences("width 4", "late", Metric.TEST_LOSS);
        assertEquals(3, d.length);
        for (int k = 0; k < 3; k++) {
            assertEquals(s.runs("late").get(k).testLoss() - s.runs("no dropout").get(k).testLoss(), d[k], 0.0);
        }
        SeedSpread x = r.difference("width 4", "late", Metric.TEST_LOSS);
        assertEquals(x.mean(), SeedSpread.of(d).mean(), 1e-15);
        String table = r.pairedTable(Metric.TEST_LOSS, "width 4").toString();
        long above = java.util.Arrays.stream(d).filter(v -> v > 0).count();
        assertTrue(table.contains(above + " of 3"), table);
        assertTrue(table.contains(dropout.report.Report.number(x.tStatistic(), 2)), table);
        assertEquals(3, table.lines().count(), table);   // header + early + late
        assertEquals(x, r.differences(Metric.TEST_LOSS, "width 4").get("width 4: late"));
    }

    @Test
    void regimeListsEachSeedsTrainingLoss() {
        StudyResults r = run();
        String row = r.regime().toString().lines().skip(1).findFirst().orElseThrow();
        for (var run : r.of("width 4").runs("no dropout")) {
            assertTrue(row.contains(dropout.report.Report.number(run.trainLoss(), 4)), row);
        }
    }

    @Test
    void epochsToSeveralTargetsInOneTable() {
        StudyResults r = run();
        String t = r.epochsToTable(List.of("no dropout", "early"), StudyResults.target("width 4", 100.0),
                StudyResults.target("width 4", 1e-9)).toString();
        assertEquals(5, t.lines().count(), t);
        assertTrue(t.contains("not reached"), t);
        assertTrue(t.lines().anyMatch(l -> l.contains("100.00") && l.contains("early") && l.trim().endsWith("1.0")), t);
        assertThrows(IllegalArgumentException.class, () -> StudyResults.target("width 4", 0.0));
        assertThrows(IllegalArgumentException.class, () -> r.epochsToTable(List.of("no dropout")));
    }

    @Test
    void scheduleCheckReadsTheRatesTheLayersHeld() {
        StudyResults r = run();
        String t = r.scheduleCheck("early", early.cutoff(), "late", late.cutoff()).toString();
        String row = t.lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.matches("width 4\\s+0\\.000\\s+0\\.000\\s+0\\.300\\s*"), t);
    }

    @Test
    void meansWithSdPutsTheSpreadBesideEachMean() {
        StudyResults r = run();
        SeedSpread x = r.spread("width 4", "late", Metric.TEST_LOSS);
        String t = r.meansWithSd(List.of("width 4"), List.of("late"), Metric.TEST_LOSS).toString();
        assertTrue(t.contains(dropout.report.Report.number(x.mean(), 4) + "  " + dropout.report.Report.number(x.sd(), 4)), t);
    }

    @Test
    void probesTwoModelsAndAddsCheckpoints() {
        assertArrayEquals(new long[] {3, 10, 19, 20}, GradientProbes.including(new long[] {10, 20, 3}, 19, 10));
        assertThrows(IllegalArgumentException.class, () -> GradientProbes.including(new long[] {10}, 0));
        Dataset big = Blobs.make(4200, 8, 3, 2.0, 3);   // probes take 16 batches of 256 distinct examples
        StudyResults r = Study.of(big, test, config.epochs(1).batchSize(1000)).seeds(1)
                .models(Named.of("a", Mlp.sizes(8, 4, 3).init(Init.he())).and("b", Mlp.sizes(8, 5, 3).init(Init.he())))
                .schedules(Schedules.named("no dropout", Schedules.none()))
                .probe("a", new long[] {2, 5}, "no dropout").probe("b", new long[] {3}, "no dropout").run();
        assertArrayEquals(new double[] {2, 5}, r.probeUpdates("a"), 0.0);
        assertArrayEquals(new double[] {3}, r.probeUpdates("b"), 0.0);
        var both = r.probeCurves(List.of("a", "b"), ProbeRecord::gdv, "no dropout");
        assertEquals(List.of("a, no dropout", "b, no dropout"), List.copyOf(both.keySet()));
        assertArrayEquals(r.probeCurves("b", ProbeRecord::gdv, "no dropout").get("no dropout"), both.get("b, no dropout"), 0.0);
    }

    @Test
    void namedScheduleRejectsNull() {
        assertThrows(NullPointerException.class, () -> Schedules.named("early", null));
        assertEquals(List.of("x"), List.copyOf(Schedules.named("x", Schedules.none()).keySet()));
    }
}
