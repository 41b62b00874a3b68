package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.report.Named;
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
        BufferedImage single = CategoryCharts.groupedBars("one series", "value", List.of("x", "y"),
                Named.of("only", new double[] {1, 2}));
        assertEquals(Charts.HEIGHT, single.getHeight());
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
