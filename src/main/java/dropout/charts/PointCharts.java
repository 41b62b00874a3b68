package dropout.charts;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Measured points at a few named settings (T = 1, 3, 10, 30 passes), one tick per setting, evenly spaced, each
 * series' points joined and marked, and dashed horizontal reference lines (a baseline every point is compared with).
 * For settings that grow roughly geometrically, even spacing reads like a logarithmic axis with a tick at every
 * measured value.
 */
public final class PointCharts {
    private PointCharts() {
    }

    /**
     * @param settings   the x tick labels, one per point (e.g. "1", "3", "10", "30")
     * @param series     one value per setting for each series, all finite
     * @param references baselines drawn as dashed lines across all settings (may be empty)
     */
    public static BufferedImage atSettings(String title, String xLabel, String yLabel, List<String> settings,
                                           Map<String, double[]> series, Map<String, Double> references) {
        String m = "PointCharts.atSettings";
        Check.notNull(m, "settings", settings);
        if (settings.size() < 2) {
            throw Check.fail(m, settings.size() + " settings: give at least 2 (e.g. \"1\", \"3\", \"10\", \"30\")");
        }
        Check.notNull(m, "references", references);
        List<Map.Entry<String, double[]>> list = Check.entries(m, "series", series);
        List<String> names = new ArrayList<>();
        for (String s : settings) {
            names.add(Check.text(Check.notNull(m, "a setting", s)));
        }
        CategoryChart c = new CategoryChart(Charts.WIDTH, Charts.HEIGHT);
        c.setTitle(Check.text(title));
        c.setXAxisTitle(Check.text(xLabel));
        c.setYAxisTitle(Check.text(yLabel));
        Charts.style(c.getStyler(), Theme.TITLE);
        c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        c.getStyler().setLegendPosition(LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(LegendLayout.Horizontal);
        c.getStyler().setPlotGridVerticalLinesVisible(true);
        c.getStyler().setOverlapped(true);   // otherwise each series is shifted sideways, as bars would be
        c.getStyler().setYAxisDecimalPattern("0.000");
        int k = 0;
        for (Map.Entry<String, double[]> e : list) {
            double[] v = e.getValue();
            Check.sameLength(m, "series '" + e.getKey() + "'", v.length, "settings", names.size());
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                Check.finite(m, "series '" + e.getKey() + "' value " + i, v[i]);
                ys.add(v[i]);
            }
            CategorySeries s = c.addSeries(Check.text(e.getKey()), names, ys);
            s.setLineColor(Theme.color(k));
            s.setMarkerColor(Theme.color(k++));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(Theme.SOLID);
        }
        for (Map.Entry<String, Double> r : references.entrySet()) {
            Check.finite(m, "reference '" + r.getKey() + "'", r.getValue());
            CategorySeries s = c.addSeries(Check.text(r.getKey()), names, Collections.nCopies(names.size(), r.getValue()));
            s.setLineColor(Theme.MUTED);
            s.setLineStyle(Theme.THIN_DASHED);
            s.setMarker(SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBufferedImage(c);
    }
}
