package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.arrays.Buffers;
import dropout.nn.DropoutLayer;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** MomentCheck, KeepSummary and McGallery: what notebooks 5 and 6 print and show. */
class NotebookHelpersTest {

    private static INDArray row(double... values) {
        INDArray x = Buffers.matrix(1, values.length);
        FloatBuffer b = Buffers.of(x);
        for (int i = 0; i < values.length; i++) {
            b.put(i, (float) values[i]);
        }
        return x;
    }

    @Test
    void momentCheckPrintsTheUnitsNumbersAndTheLargestError() {
        double p = 0.5;
        double[] h = {0, 1.5, 0.25};
        UnitMoments mc = UnitMoments.sample(row(h), 1000, 50, new DropoutLayer(3, InvertedDropout.drop(p), Rng.seeded(4)));
        double[] var = {0, 1.5 * 1.5, 0.25 * 0.25};
        MomentCheck check = MomentCheck.of("inverted dropout", mc, h, var);
        assertEquals(mc.largestError(h, var), check.largestError());
        assertTrue(check.largestError() < 4, "a correct layer lands within 4 standard errors: " + check.largestError());
        String s = check.summary(1);
        assertTrue(s.startsWith("inverted dropout: unit 1 mean " + dropout.report.Report.number(mc.mean(1), 4)
                + " (formula 1.5000), variance " + dropout.report.Report.number(mc.variance(1), 4) + " (formula 2.2500)\n"), s);
        assertTrue(s.endsWith("standard errors (n = 50,000 per unit)"), s);
        assertEquals(3, check.table().rowCount());
        MomentCheck wrong = MomentCheck.of("wrong formula", mc, new double[] {0, 1.6, 0.25}, var);
        assertTrue(wrong.largestError() > 4, "a wrong mean is many standard errors off: " + wrong.largestError());
        assertThrows(IllegalArgumentException.class, () -> MomentCheck.of("short", mc, new double[] {0, 1}, var));
        assertThrows(IllegalArgumentException.class, () -> check.summary(3));
    }

    @Test
    void largestGapIsTheLargestAbsoluteDifference() {
        assertEquals(0.5, MomentCheck.largestGap(new double[] {1, 2, 3}, new double[] {1.25, 2.5, 3}), 0);
        assertEquals(0, MomentCheck.largestGap(new double[] {1}, new double[] {1}), 0);
        assertThrows(IllegalArgumentException.class, () -> MomentCheck.largestGap(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void keepSummaryCountsActiveAndConfidentEntries() {
        // 6 entries: 0.5 itself is not active (z = 0); 0.6, 0.95, 0.91 and 0.7 are; 0.95 and 0.91 are confident.
        KeepSummary k = KeepSummary.of(row(0.1, 0.5, 0.6, 0.95, 0.91, 0.7));
        assertEquals(4.0 / 6, k.activeShare(), 1e-12);
        assertEquals((0.6 + 0.95 + 0.91 + 0.7) / 4, k.meanKeepActive(), 1e-6);
        assertEquals(0.5, k.confidentShare(), 1e-12);
        KeepSummary none = KeepSummary.of(row(0.2, 0.3));
        assertEquals(0, none.activeShare());
        assertTrue(Double.isNaN(none.meanKeepActive()));
        assertThrows(IllegalArgumentException.class, () -> KeepSummary.of(row(0.2, 1.5)));
    }

    /** Five 1-pixel "images" with labels 0..4 (T-shirt/top, Trouser, Pullover, Dress, Coat). */
    private static final Dataset FIVE = new Dataset("five", new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f},
            new int[] {0, 1, 2, 3, 4}, 1, 10);

    private static McPrediction prediction(int[] predicted, double[] spread) {
        return new McPrediction(30, new double[predicted.length][10], predicted, spread, new double[predicted.length],
                new double[predicted.length]);
    }

    @Test
    void galleryPicksByspreadAndCaptionsWrongPredictions() {
        McPrediction mc = prediction(new int[] {0, 3, 2, 3, 0}, new double[] {0.30, 0.01, 0.12, 0.02, 0.25});
        McGallery certain = McGallery.mostCertain(mc, FIVE, 3);
        assertArrayEquals(new int[] {1, 3, 2}, certain.indices());
        assertEquals(List.of("0.01 Trouser \u2192 Dress", "0.02 Dress", "0.12 Pullover"), certain.captions());
        assertEquals(1, certain.wrong());
        assertEquals(0.01, certain.minSpread());
        assertEquals(0.12, certain.maxSpread());
        assertArrayEquals(new float[] {0.2f}, certain.images().get(0));
        McGallery unsure = McGallery.leastCertain(mc, FIVE, 2);
        assertArrayEquals(new int[] {0, 4}, unsure.indices());
        assertEquals(List.of("0.30 T-shirt/top", "0.25 Coat \u2192 T-shirt/top"), unsure.captions());
        McGallery wrong = McGallery.mostCertainWrong(mc, FIVE, 2);
        assertArrayEquals(new int[] {1, 4}, wrong.indices());
        assertEquals(2, wrong.wrong());
        assertThrows(IllegalArgumentException.class, () -> McGallery.mostCertainWrong(mc, FIVE, 3));
        assertThrows(IllegalArgumentException.class, () -> McGallery.mostCertain(mc, FIVE.first(4), 1));
    }
}
