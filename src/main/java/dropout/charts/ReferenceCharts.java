package dropout.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Curves against their targets: each series as a solid line (x = 1..n, the series' index counted from 1), each
 * reference value as a thin dashed horizontal line: in the colour of the series at the same position when there are
 * as many references as series (each the value its series should reach), else in grey; and optionally a logarithmic y axis, so that a curve far from the others (a loss at
 * ln 10, a variance starting at 1) does not squash them. {@link #panels} puts several such plots side by side with
 * one legend. Non-finite y values are skipped, as in {@link Charts}.
 */
public final class ReferenceCharts {
    private static final int PANEL_HEIGHT = Charts.PANELS_HEIGHT;

    private ReferenceCharts() {
    }

    /** One plot of a {@link #panels} figure: its title, y label, curves, reference lines and y scale. */
    public record Panel(String title, String yLabel, Map<String, double[]> series, Map<String, Double> references,
                        boolean logY) {

        /** A panel with curves only, linear y axis. */
        public static Panel of(String title, String yLabel, Map<String, double[]> series) {
            return new Panel(title, yLabel, series, Map.of(), false);
        }

        /** The same panel with these dashed reference lines (one per series: the i-th in the i-th series' colour). */
        public Panel references(Map<String, Double> references) {
            return new Panel(title, yLabel, series, references, logY);
        }

        /** The same panel with a logarithmic y axis (every drawn value must be > 0). */
        public Panel withLogY() {
            return new Panel(title, yLabel, series, references, true);
        }
    }

    /** One {@value Charts#WIDTH} x {@value Charts#HEIGHT} plot of curves and their reference lines, legend below. */
    public static BufferedImage curves(String title, String xLabel, String yLabel, Map<String, double[]> series,
                                       Map<String, Double> references, boolean logY) {
        String m = "ReferenceCharts.curves";
        XYChart c = Charts.xyChart(title, xLabel, yLabel, Charts.WIDTH, Charts.HEIGHT, Theme.TITLE);
        List<String> legend = draw(m, c, new Panel(title, yLabel, series, references, logY), true);
        Charts.placeLegend(c, legend);
        return BitmapEncoder.getBufferedImage(c);
    }

    /** Panels side by side ({@value Charts#PANELS_WIDTH} wide in all), one shared legend under them. */
    public static BufferedImage panels(String title, String xLabel, Panel... panels) {
        String m = "ReferenceCharts.panels";
        if (panels.length < 1 || panels.length > 3) {
            throw Check.fail(m, panels.length + " panels: give 1 to 3 (more would be too narrow to read)");
        }
        title = Check.text(title);
        Map<String, Raster.Key> keys = new LinkedHashMap<>();
        for (Panel p : panels) {
            Check.notNull(m, "panel", p);
            int i = 0;
            for (String name : Check.entries(m, "series", p.series()).stream().map(Map.Entry::getKey).toList()) {
                keys.putIfAbsent("s:" + name, new Raster.Key(Theme.color(i++), Theme.SOLID, name));
            }
            i = 0;
            for (String name : p.references().keySet()) {
                keys.putIfAbsent("r:" + name, new Raster.Key(referenceColour(p, i++), Theme.THIN_DASHED, name));
            }
        }
        List<List<Raster.Key>> rows = Raster.keyRows(new ArrayList<>(keys.values()), Charts.PANELS_WIDTH - 80);
        int titleH = title.isEmpty() ? 6 : 40;
        int panelH = PANEL_HEIGHT - titleH - rows.size() * Raster.KEY_ROW - 14;
        int panelW = Charts.PANELS_WIDTH / panels.length;
        List<BufferedImage> images = new ArrayList<>();
        for (Panel p : panels) {
            XYChart c = Charts.xyChart(p.title(), xLabel, p.yLabel(), panelW, panelH, Theme.PANEL_TITLE);
            draw(m, c, p, false);
            c.getStyler().setLegendVisible(false);
            images.add(BitmapEncoder.getBufferedImage(c));
        }
        return Raster.composePanels(Charts.PANELS_WIDTH, PANEL_HEIGHT, title, titleH, images, rows);
    }

    private static Color referenceColour(Panel p, int i) {
        return p.references().size() == p.series().size() ? Theme.color(i) : Theme.MUTED;
    }

    /** Draws a panel's curves and references into {@code c}; returns the legend labels in order. */
    private static List<String> draw(String m, XYChart c, Panel p, boolean inLegend) {
        List<Map.Entry<String, double[]>> series = Check.entries(m, "series", p.series());
        Check.notNull(m, "references", p.references());
        boolean drawn = false;
        int maxLen = 2;
        for (int i = 0; i < series.size(); i++) {
            double[] y = series.get(i).getValue();
            Check.nonEmpty(m, "series '" + series.get(i).getKey() + "'", y);
            if (p.logY()) {
                for (int k = 0; k < y.length; k++) {
                    if (y[k] <= 0) {
                        throw Check.fail(m, "series '" + series.get(i).getKey() + "' has y[" + k + "] = " + y[k]
                                + ", but a logarithmic y axis needs positive values; pass a linear axis instead");
                    }
                }
            }
            maxLen = Math.max(maxLen, y.length);
            drawn |= Charts.addLine(c, series.get(i).getKey(), Charts.epochs(y.length), y, Theme.color(i), Theme.SOLID,
                    inLegend);
        }
        Charts.requireDrawn(m, drawn);
        List<String> legend = new ArrayList<>(Charts.names(series));
        int i = 0;
        for (Map.Entry<String, Double> r : p.references().entrySet()) {
            double v = r.getValue();
            Check.finite(m, "reference '" + r.getKey() + "'", v);
            if (p.logY() && v <= 0) {
                throw Check.fail(m, "reference '" + r.getKey() + "' = " + v + " cannot be drawn on a logarithmic axis");
            }
            Charts.addLine(c, r.getKey(), new double[] {1, maxLen}, new double[] {v, v}, referenceColour(p, i++),
                    Theme.THIN_DASHED, inLegend);
            legend.add(r.getKey());
        }
        Charts.epochAxis(c, maxLen);
        c.getStyler().setYAxisLogarithmic(p.logY());
        return legend;
    }
}
