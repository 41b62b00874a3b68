package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.report.Named;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MarkedLinesTest {
    @Test
    void drawsBothKindsAtTheStandardSize() {
        BufferedImage a = MarkedLines.againstLog("t", "update", "GDV", new double[] {10, 100, 800},
                Named.of("no dropout", new double[] {0.1, 0.2, 0.5}).and("early", new double[] {0.1, Double.NaN, 0.4}), 200, "cutoff");
        BufferedImage b = MarkedLines.againstSizes("t", "hidden units", "loss", new int[] {4, 8, 64},
                Named.of("train", new double[] {1, 0.6, 0.26}));
        assertEquals(Charts.WIDTH, a.getWidth());
        assertEquals(Charts.HEIGHT, b.getHeight());
        assertTrue(a.getRGB(Charts.WIDTH / 2, Charts.HEIGHT / 2) != 0);
    }

    @Test
    void spreadBarsNameEachBarWithItsValue() {
        BufferedImage a = SpreadBars.of("t", "difference", Named.of("w: early", dropout.measure.SeedSpread.of(0.1, 0.2, 0.3)));
        assertEquals(Charts.WIDTH, a.getWidth());
        assertThrows(IllegalArgumentException.class, () -> SpreadBars.of("t", "y", Named.of("w", dropout.measure.SeedSpread.of(1)).and("x", null)));
    }

    @Test
    void rejectsWhatCannotBeDrawn() {
        var ys = Named.of("a", new double[] {1, 2});
        var e = assertThrows(IllegalArgumentException.class,
                () -> MarkedLines.againstLog("t", "x", "y", new double[] {0, 1}, ys, 1, "m"));
        assertTrue(e.getMessage().contains("x[0] = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MarkedLines.againstLog("t", "x", "y", new double[] {1, 2}, ys, -1, "m"));
        assertThrows(IllegalArgumentException.class, () -> MarkedLines.againstSizes("t", "x", "y", new int[] {4, 8, 16}, ys));
        assertThrows(IllegalArgumentException.class, () -> MarkedLines.againstSizes("t", "x", "y", new int[] {}, ys));
    }
}
