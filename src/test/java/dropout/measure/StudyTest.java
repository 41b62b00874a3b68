package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.early.Schedules;
import dropout.data.Dataset;
import dropout.measure.SeedResults.Metric;
import dropout.nn.Adam;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.report.Named;
import dropout.testing.Blobs;
import dropout.train.DropoutSchedule;
import dropout.train.TrainConfig;
import org.junit.jupiter.api.Test;

class StudyTest {
    private final Dataset train = Blobs.make(300, 8, 3, 2.0, 1);
    private final Dataset test = Blobs.make(100, 8, 3, 2.0, 2);
    private final TrainConfig config = TrainConfig.d2l().epochs(4).batchSize(32).learningRate(0.1);
    private final DropoutRate p = DropoutRate.drop(0.3);

    private Named<Mlp> models() {
        return Named.of("width 4", Mlp.sizes(8, 4, 3).init(Init.he()).dropoutEverywhere(InvertedDropout.drop(0.3)))
                .and("width 16", Mlp.sizes(8, 16, 3).init(Init.he()).dropoutEverywhere(InvertedDropout.drop(0.3)));
    }

    private StudyResults run(Named<DropoutSchedule> schedules) {
        return Study.of(train, test, config).seeds(2).models(models()).schedules(schedules).run();
    }

    @Test
    void aScheduleThatNeverDropsDiffersFromNoDropoutByExactlyZero() {
        // rate 0 every update is the baseline, run for run: every paired difference is 0, not merely small
        StudyResults r = run(Named.<DropoutSchedule>of("no dropout", Schedules.none())
                .and("early, cutoff 0", Schedules.early(p, 0)).and("standard", Schedules.standard(p)));
        SeedSpread d = r.difference("width 4", "early, cutoff 0", Metric.TRAIN_LOSS);
        assertEquals(0.0, d.mean(), 0.0);
        assertEquals(0.0, d.max() - d.min(), 0.0);
        assertTrue(r.difference("width 4", "standard", Metric.TRAIN_LOSS).mean() != 0.0);
        assertEquals(2, r.spread("width 16", "standard", Metric.TEST_LOSS).n());
    }

    @Test
    void pairedDifferencesAreTheSeedBySeedDifferencesOfTheRuns() {
        StudyResults r = run(Named.<DropoutSchedule>of("no dropout", Schedules.none()).and("standard", Schedules.standard(p)));
        SeedResults s = r.of("width 16");
        double d1 = s.runs("standard").get(0).trainLoss() - s.runs("no dropout").get(0).trainLoss();
        double d2 = s.runs("standard").get(1).trainLoss() - s.runs("no dropout").get(1).trainLoss();
        SeedSpread d = r.difference("width 16", "standard", Metric.TRAIN_LOSS);
        assertEquals((d1 + d2) / 2, d.mean(), 1e-15);
        assertEquals(Math.min(d1, d2), d.min(), 0.0);
        assertEquals(2, r.differenceMeans(Metric.TRAIN_LOSS).size());
        assertEquals(d.mean(), r.differenceMeans(Metric.TRAIN_LOSS).get("width 16: standard"), 0.0);
    }

    @Test
    void sameSeedsSameDigitsAndTheCurveEndsAtTheFinalTrainingLoss() {
        Named<DropoutSchedule> s = Named.of("no dropout", Schedules.none());
        StudyResults a = run(s);
        StudyResults b = run(s);
        assertArrayEquals(a.trainLossCurve("width 4", "no dropout"), b.trainLossCurve("width 4", "no dropout"), 0.0);
        double[] curve = a.trainLossCurve("width 4", "no dropout");
        assertEquals(config.epochs(), curve.length);
        assertEquals(a.spread("width 4", "no dropout", Metric.TRAIN_LOSS).mean(), curve[curve.length - 1], 1e-12);
        assertEquals(8 * 4 + 4 + 4 * 3 + 3, a.parameters("width 4"));
        assertEquals(2, a.regime().rowCount());
    }

    @Test
    void epochsToALoss() {
        StudyResults r = run(Named.of("no dropout", Schedules.none()));
        assertArrayEquals(new int[] {1, 1}, r.epochsTo("width 16", "no dropout", 100.0));
        assertArrayEquals(new int[] {0, 0}, r.epochsTo("width 16", "no dropout", 0.0));
        String table = r.epochsToTable("width 16", 0.0, "no dropout").toString();
        assertTrue(table.contains("not reached"), table);
    }

    @Test
    void biasVarianceOverSeedsAddsUp() {
        StudyResults r = run(Named.of("no dropout", Schedules.none()));
        BiasVariance b = r.biasVariance("width 16", "no dropout");
        assertEquals(2, b.models());
        assertEquals(b.meanError(), b.averagedError() + b.variance(), 1e-9);
        assertTrue(b.variance() > 0);
    }

    @Test
    void joinsStudiesAndRejectsARunGivenTwice() {
        StudyResults a = run(Named.of("no dropout", Schedules.none()));
        StudyResults b = run(Named.of("standard", Schedules.standard(p)));
        StudyResults both = a.with(b);
        assertEquals("no dropout", both.baseline());
        assertEquals(2, both.schedules("width 4").size());
        assertEquals(both.of("width 4").runs("standard").get(0).trainLoss(),
                b.of("width 4").runs("standard").get(0).trainLoss(), 0.0);
        var e = assertThrows(IllegalArgumentException.class, () -> a.with(a));
        assertTrue(e.getMessage().contains("give each run once"), e.getMessage());
    }

    @Test
    void anotherOptimizerChangesTheRuns() {
        Named<DropoutSchedule> s = Named.of("no dropout", Schedules.none());
        StudyResults sgd = run(s);
        StudyResults adam = Study.of(train, test, config.learningRate(0.01)).optimizer(Adam::new).seeds(2).models(models())
                .schedules(s).run();
        assertTrue(sgd.spread("width 4", "no dropout", Metric.TRAIN_LOSS).mean()
                != adam.spread("width 4", "no dropout", Metric.TRAIN_LOSS).mean());
    }

    @Test
    void refusesAnEmptyStudyAndAnUnknownProbeTarget() {
        var e = assertThrows(IllegalStateException.class, () -> Study.of(train, test, config).run());
        assertTrue(e.getMessage().contains("nothing to run"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Study.of(train, test, config).models(models())
                .schedules(Named.of("no dropout", Schedules.none())).probe("width 99", new long[] {1}, "no dropout").run());
        assertTrue(e.getMessage().contains("no model 'width 99'"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> Study.of(train, test, config).seeds(0));
        assertTrue(f.getMessage().contains("seeds = 0"), f.getMessage());
    }
}
