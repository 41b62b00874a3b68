package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.report.Named;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelAndPointChartsTest {

    @Test
    void histogramPanelsGiveEachSampleItsOwnPanel() {
        double[] spikes = new double[2000];
        for (int i = 0; i < spikes.length; i++) {
            spikes[i] = i % 2 == 0 ? 0 : 2;
        }
        double[] bell = new double[2000];
        for (int i = 0; i < bell.length; i++) {
            bell[i] = Math.sin(i) * 2;
        }
        BufferedImage img = HistogramPanels.sideBySide("two shapes", "value", Named.of("spikes", spikes).and("bell", bell), 30);
        assertEquals(Charts.PANELS_WIDTH, img.getWidth());
        assertEquals(Charts.PANELS_HEIGHT, img.getHeight());
        // both panels draw their sample in the first palette colour: some on the left half, some on the right
        assertTrue(count(img, Theme.color(0), 0, img.getWidth() / 2) > 100, "left panel drawn");
        assertTrue(count(img, Theme.color(0), img.getWidth() / 2, img.getWidth()) > 100, "right panel drawn");
        assertThrows(IllegalArgumentException.class,
                () -> HistogramPanels.sideBySide("one", "value", Named.of("only", bell), 30));
    }

    @Test
    void pointChartsDrawSeriesAndReference() {
        BufferedImage img = PointCharts.atSettings("accuracy against T", "T", "accuracy", List.of("1", "3", "10", "30"),
                Named.of("MC", new double[] {0.77, 0.78, 0.784, 0.7825}), Named.of("standard", 0.7834));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(count(img, Theme.color(0), 0, img.getWidth()) > 50, "series drawn");
        assertTrue(count(img, Theme.MUTED, 0, img.getWidth()) > 20, "reference drawn");
        assertThrows(IllegalArgumentException.class, () -> PointCharts.atSettings("t", "T", "y", List.of("1", "3"),
                Named.of("MC", new double[] {0.7}), Named.of("s", 0.7)));
    }

    @Test
    void barsWithAnXLabelStillDrawEveryBar() {
        BufferedImage img = Charts.bars("deciles", "decile", "accuracy", Named.of("1", 1.0).and("2", 0.6));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(count(img, Charts.BAR_FILL, 0, img.getWidth()) > 2000, "bars drawn");
    }

    private static int count(BufferedImage img, Color c, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                n += img.getRGB(x, y) == c.getRGB() ? 1 : 0;
            }
        }
        return n;
    }
}
