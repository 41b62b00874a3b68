package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceChartsTest {
    private static Map<String, double[]> two() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[] {1.0, 0.5, 0.3, 0.2});
        m.put("b", new double[] {2.3, 2.3, 2.3});
        return m;
    }

    @Test
    void oneChartAndPanelsHaveTheDocumentedSizes() {
        BufferedImage one = ReferenceCharts.curves("t", "epoch", "loss", two(), Map.of("ln 10", Math.log(10)), true);
        assertEquals(Charts.WIDTH, one.getWidth());
        assertEquals(Charts.HEIGHT, one.getHeight());
        BufferedImage p = ReferenceCharts.panels("t", "iteration",
                ReferenceCharts.Panel.of("mean", "m", two()).references(Map.of("target a", 0.2)),
                ReferenceCharts.Panel.of("variance", "v", two()).withLogY());
        assertEquals(Charts.PANELS_WIDTH, p.getWidth());
        assertEquals(Charts.PANELS_HEIGHT, p.getHeight());
    }

    @Test
    void aReferenceLineIsAHorizontalLineInItsSeriesColourAcrossThePlot() {
        Map<String, double[]> rising = new LinkedHashMap<>();
        rising.put("a", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        BufferedImage with = ReferenceCharts.curves("", "epoch", "y", rising, Map.of("at 4.5", 4.5), false);
        BufferedImage without = ReferenceCharts.curves("", "epoch", "y", rising, Map.of(), false);
        int colour = Theme.color(0).getRGB();
        // a dashed line covers about half the plot's width; the rising series crosses any row in a few pixels
        assertEquals(true, widestRow(with, colour) > with.getWidth() / 4, "no long horizontal run in the series colour");
        assertEquals(true, widestRow(without, colour) < with.getWidth() / 10, "the series alone spans no row");
    }

    private static int widestRow(BufferedImage img, int rgb) {
        int best = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                n += near(img.getRGB(x, y), rgb) ? 1 : 0;
            }
            best = Math.max(best, n);
        }
        return best;
    }

    private static boolean near(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d += Math.abs(((a >> shift) & 255) - ((b >> shift) & 255));
        }
        return d < 90;
    }

    @Test
    void badInputNamesTheRule() {
        Map<String, double[]> zero = Map.of("z", new double[] {0.0, 1.0});
        assertThrows(IllegalArgumentException.class, () -> ReferenceCharts.curves("t", "x", "y", zero, Map.of(), true));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceCharts.curves("t", "x", "y", two(), Map.of("nan", Double.NaN), false));
        assertThrows(IllegalArgumentException.class, () -> ReferenceCharts.panels("t", "x"));
    }
}
