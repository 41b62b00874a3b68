package dropout.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Charts over categories (units of a layer, dropout variants): values that have no order between them are drawn
 * as bars side by side, never joined by lines.
 */
public final class CategoryCharts {
    /** Up to this many bars in all, each carries its value; more would crowd the labels. */
    public static final int LABELLED_BARS_MAX = 12;

    private CategoryCharts() {
    }

    /**
     * One group of bars per category, one bar per series in each group (series in the legend, in map order),
     * the y axis from 0. Every series holds one value per category, all finite. With at most
     * {@value #LABELLED_BARS_MAX} bars in all, each bar's value is printed at its top. {@value Charts#WIDTH} px wide,
     * wider (up to {@value Charts#PANELS_WIDTH}) when long category names need the room, upright names beyond that.
     */
    public static BufferedImage groupedBars(String title, String yLabel, List<String> categories,
                                            Map<String, double[]> series) {
        String m = "groupedBars";
        Check.notNull(m, "categories", categories);
        if (categories.isEmpty()) {
            throw Check.fail(m, "categories is empty; pass one name per group of bars, e.g. the variants");
        }
        List<Map.Entry<String, double[]>> list = Check.entries(m, "series", series);
        List<String> names = new ArrayList<>();
        for (String c : categories) {
            names.add(Check.text(Check.notNull(m, "a category", c)));
        }
        int bars = names.size() * list.size();
        int[] layout = Charts.barsLayout(names);
        CategoryChart c = new CategoryChart(layout[0], Charts.HEIGHT + (list.size() > 1 ? 30 : 0));
        c.setTitle(Check.text(title));
        c.setXAxisTitle("");
        c.setYAxisTitle(Check.text(yLabel));
        Charts.style(c.getStyler(), Theme.TITLE);
        c.getStyler().setLegendVisible(list.size() > 1);
        c.getStyler().setLegendPosition(LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(LegendLayout.Horizontal);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setAvailableSpaceFill(0.75);
        c.getStyler().setOverlapped(false);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisDecimalPattern("#,##0.###");
        c.getStyler().setXAxisLabelRotation(layout[1]);
        boolean labelled = bars <= LABELLED_BARS_MAX;
        c.getStyler().setLabelsVisible(labelled);
        if (labelled) {
            c.getStyler().setLabelsFont(Theme.CAPTION);
            c.getStyler().setLabelsFontColorAutomaticEnabled(true);
            c.getStyler().setLabelsFontColorAutomaticDark(Theme.TEXT);
            c.getStyler().setLabelsFontColorAutomaticLight(Color.WHITE);
            c.getStyler().setLabelsPosition(0.9);
            // XChart formats bar labels with the y axis's pattern: three decimals on both, so 0.420 is not "0.42".
            c.getStyler().setDecimalPattern("0.000");
            c.getStyler().setYAxisDecimalPattern("0.000");
        }
        int k = 0;
        for (Map.Entry<String, double[]> e : list) {
            double[] v = e.getValue();
            Check.sameLength(m, "series '" + e.getKey() + "'", v.length, "categories", names.size());
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                Check.finite(m, "series '" + e.getKey() + "' value " + i, v[i]);
                if (v[i] < 0) {
                    throw Check.fail(m, "series '" + e.getKey() + "' value " + i + " = " + v[i] + " is negative; bars "
                            + "here start at 0, so pass values >= 0 (a loss, an accuracy, a mean output)");
                }
                ys.add(v[i]);
            }
            CategorySeries s = c.addSeries(Check.text(e.getKey()), names, ys);
            Color color = Theme.color(k++);
            s.setFillColor(color);
            s.setLineColor(color);
        }
        return BitmapEncoder.getBufferedImage(c);
    }
}
