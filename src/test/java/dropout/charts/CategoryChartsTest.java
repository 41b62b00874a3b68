package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.report.Named;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryChartsTest {

    @Test
    void groupedBarsDrawsOneGroupPerCategory() {
        BufferedImage img = CategoryCharts.groupedBars("loss by variant", "loss", List.of("a", "b", "c"),
                Named.of("train", new double[] {0.4, 0.5, 0.6}).and("test", new double[] {0.45, 0.5, 0.62}));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(img.getHeight() > Charts.HEIGHT, "room for the legend under the plot");
        // Both series are drawn as filled bars in their palette colours, and no third colour is used for bars.
        assertTrue(pixels(img, Theme.color(0)) > 2000, "train bars drawn: " + pixels(img, Theme.color(0)));
        assertTrue(pixels(img, Theme.color(1)) > 2000, "test bars drawn: " + pixels(img, Theme.color(1)));
        assertEquals(0, pixels(img, Theme.color(2)), "only two series");
        BufferedImage single = CategoryCharts.groupedBars("one series", "value", List.of("x", "y"),
                Named.of("only", new double[] {1, 2}));
        assertEquals(Charts.HEIGHT, single.getHeight());
    }

    private static int pixels(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }

    /** A bar's height follows its value: the second category's bar (value 3) is three times the first's (1). */
    @Test
    void barHeightsFollowTheValues() {
        BufferedImage img = CategoryCharts.groupedBars("heights", "value", List.of("a", "b"),
                Named.of("only", new double[] {1, 3}));
        int[] heights = new int[2];
        int column = 0;
        boolean inBar = false;
        for (int x = 0; x < img.getWidth() && column < 2; x++) {
            int h = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                h += (img.getRGB(x, y) & 0xffffff) == (Theme.color(0).getRGB() & 0xffffff) ? 1 : 0;
            }
            if (h > 0 && !inBar) {
                inBar = true;
                heights[column] = h;
            } else if (h == 0 && inBar) {
                inBar = false;
                column++;
            }
        }
        assertEquals(2, column, "two bars found");
        assertEquals(3.0, (double) heights[1] / heights[0], 0.05, "heights " + heights[0] + ", " + heights[1]);
    }

    @Test
    void groupedBarsRejectsBadInputWithTheRule() {
        var wrongLength = Named.of("train", new double[] {0.4, 0.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategoryCharts.groupedBars("t", "y", List.of("a", "b", "c"), wrongLength));
        assertTrue(e.getMessage().contains("groupedBars"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CategoryCharts.groupedBars("t", "y", List.of(), Named.of("s", new double[0])));
        assertThrows(IllegalArgumentException.class,
                () -> CategoryCharts.groupedBars("t", "y", List.of("a"), Named.of("s", new double[] {-1})));
        assertThrows(IllegalArgumentException.class,
                () -> CategoryCharts.groupedBars("t", "y", List.of("a"), Named.of("s", new double[] {Double.NaN})));
    }
}
