package dropout.charts;

import dropout.report.Report;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts of a few measured points (checkpoints, model sizes), each point marked, so the reader sees
 * where the measurements are and does not read the joining lines as data.
 */
public final class MarkedLines {
    private MarkedLines() {
    }

    /**
     * Series against a logarithmic x axis (e.g. updates), every point marked, every second series dashed (pairs
     * such as "no dropout", "early" per model: solid, dashed),
     * and a grey vertical line at {@code marker} labelled {@code markerLabel} (e.g. where dropout stops).
     */
    public static BufferedImage againstLog(String title, String xLabel, String yLabel, double[] x,
                                           Map<String, double[]> ys, double marker, String markerLabel) {
        String m = "againstLog";
        Check.notNull(m, "x", x);
        Check.nonEmpty(m, "x", x);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !Double.isFinite(x[i])) {
                throw Check.fail(m, "x[" + i + "] = " + x[i] + ", but a logarithmic x axis needs finite positive values");
            }
        }
        if (!(marker > 0) || !Double.isFinite(marker)) {
            throw Check.fail(m, "marker = " + marker + ": give a finite positive x for the vertical line");
        }
        XYChart c = draw(title, xLabel, yLabel, x, ys, m);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] y : ys.values()) {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        XYSeries v = c.addSeries(Check.text(markerLabel), new double[] {marker, marker}, new double[] {lo, hi});
        v.setLineColor(Theme.MUTED);
        v.setMarker(SeriesMarkers.NONE);
        v.setLineStyle(Theme.THIN_DASHED);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern("#,##0");
        Charts.placeLegend(c, List.copyOf(c.getSeriesMap().keySet()));
        return BitmapEncoder.getBufferedImage(c);
    }

    /**
     * Series against a few category-like x values (e.g. hidden units 4, 8, 16, 64), evenly spaced and each
     * labelled with its value, every point marked, every second series dashed.
     */
    public static BufferedImage againstSizes(String title, String xLabel, String yLabel, int[] sizes,
                                             Map<String, double[]> ys) {
        String m = "againstSizes";
        Check.notNull(m, "sizes", sizes);
        if (sizes.length == 0) {
            throw Check.fail(m, "no sizes: give one x value per point, e.g. {4, 8, 16, 64}");
        }
        List<String> labels = new ArrayList<>();
        for (int size : sizes) {
            labels.add(Report.count(size));
        }
        List<Map.Entry<String, double[]>> series = Check.entries(m, "ys", ys);
        CategoryChart c = new CategoryChart(Charts.WIDTH, Charts.HEIGHT);
        c.setTitle(Check.text(title));
        c.setXAxisTitle(Check.text(xLabel));
        c.setYAxisTitle(Check.text(yLabel));
        Charts.style(c.getStyler(), Theme.TITLE);
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        c.getStyler().setOverlapped(true);   // all series at the category's centre, not side by side
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        for (int i = 0; i < series.size(); i++) {
            Map.Entry<String, double[]> e = series.get(i);
            Check.sameLength(m, "ys '" + e.getKey() + "'", e.getValue().length, "sizes", sizes.length);
            List<Double> y = new ArrayList<>();
            for (double v : e.getValue()) {
                y.add(v);
            }
            CategorySeries s = c.addSeries(e.getKey(), labels, y);
            s.setLineColor(Theme.color(i));
            s.setMarkerColor(Theme.color(i));
            s.setMarker(i % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            s.setLineStyle(i % 2 == 0 ? Theme.SOLID : Theme.DASHED);
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    private static XYChart draw(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> ys, String m) {
        List<Map.Entry<String, double[]>> series = Check.entries(m, "ys", ys);
        XYChart c = Charts.xyChart(title, xLabel, yLabel, Charts.WIDTH, Charts.HEIGHT, Theme.TITLE);
        for (int i = 0; i < series.size(); i++) {
            Map.Entry<String, double[]> e = series.get(i);
            Check.sameLength(m, "ys '" + e.getKey() + "'", e.getValue().length, "x", x.length);
            XYSeries s = c.addSeries(e.getKey(), x, e.getValue());
            s.setLineColor(Theme.color(i));
            s.setMarkerColor(Theme.color(i));
            s.setMarker(i % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            s.setLineStyle(i % 2 == 0 ? Theme.SOLID : Theme.DASHED);
        }
        return c;
    }
}
