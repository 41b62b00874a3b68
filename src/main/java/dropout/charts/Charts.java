package dropout.charts;

import dropout.train.History;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One-line chart factories for the notebooks. Every factory returns a {@link BufferedImage}, which
 * both Java kernels (IJava and rapaio) show as a PNG when it is a cell's last expression (neither needs
 * a MIME display call). {@link #save(BufferedImage, Path)} writes one to disk.
 *
 * <p>Conventions, the same for every chart:
 * <ul>
 *   <li>Size: XY and bar charts are {@value #WIDTH} x {@value #HEIGHT} px (bar charts with long
 *       names may be wider); the two-panel
 *       {@link #trainingCurves} figure is {@value #PANELS_WIDTH} x {@value #PANELS_HEIGHT}; masks and
 *       matrices are {@value #WIDTH} wide and only as tall as their grid needs (at most {@value #HEIGHT}),
 *       wider for long strips or when the matrix needs more than one pixel
 *       per cell (then the canvas grows); {@link #imageGrid} is as large as its tiles need.</li>
 *   <li>White background, black-ish text, the {@link #palette()} colours in series order
 *       (cycling after ten series).</li>
 *   <li>Series order: a map's own order for a {@link java.util.LinkedHashMap} or a
 *       {@link java.util.SortedMap}; any other map (for example {@code Map.of(...)}, whose order
 *       changes between JVM runs) is drawn sorted by name, so the same call always gives the same
 *       picture.</li>
 *   <li>Grayscale pictures (masks, matrices, images): darker means larger; white means zero, i.e.
 *       dropped.</li>
 *   <li>Deterministic and offline; works with {@code -Djava.awt.headless=true}. Numbers are
 *       formatted with {@link Locale#ROOT} whatever the machine's locale.</li>
 *   <li>Bad input raises an {@link IllegalArgumentException} whose message names the method, the
 *       value, the rule, and the fix. A {@code null} title or axis label means no text.</li>
 * </ul>
 *
 * <p>Missing values in line charts ({@link #trainingCurves}, {@link #curves}, {@link #lines},
 * the estimates of {@link #convergence}): a NaN or infinite y value is <em>skipped</em>, leaving a
 * gap in that line (a diverged run stops being drawn where it diverged; an isolated finite point
 * between gaps is drawn as a dot). A chart in which no y value at all is finite is rejected. Every
 * other number (x values, histogram samples, bar heights, matrix cells, targets, bands) must be
 * finite.
 */
public final class Charts {
    /** Width of a single chart, px. */
    public static final int WIDTH = 700;
    /** Height of a single chart, px. */
    public static final int HEIGHT = 420;
    /** Width of the two-panel {@link #trainingCurves} figure, px. */
    public static final int PANELS_WIDTH = 1100;
    /** Height of the two-panel {@link #trainingCurves} figure, px. */
    public static final int PANELS_HEIGHT = 460;
    /** Largest matrix side {@link #maskImage} and {@link #matrixImage} draw (one pixel per cell). */
    public static final int MAX_MATRIX_SIDE = 2000;

    private static final Color BAND_FILL = new Color(0xd5dde8);
    /** Bars: a light tint of the first palette colour, outlined in it, so dark value labels read on any height. */
    static final Color BAR_FILL = new Color(0xaec7e8);

    private Charts() {
    }

    /** The series colours, in order (matplotlib's "tab10"). Series i gets {@code palette().get(i % 10)}. */
    public static List<Color> palette() {
        return Theme.PALETTE;
    }

    // ---- training curves ----------------------------------------------------------------------

    /**
     * Loss (left) and accuracy (right) per epoch for several runs, {@value #PANELS_WIDTH} x
     * {@value #PANELS_HEIGHT}. Each run has one colour; its training figures are solid, its test
     * figures dashed. One legend under both panels lists the runs and the line styles. x = epoch
     * 1..n; runs may have different lengths. Non-finite values are skipped (see the class doc).
     *
     * @param title figure title
     * @param runs  at least one {@link History}, each with at least one epoch, labels distinct
     */
    public static BufferedImage trainingCurves(String title, List<History> runs) {
        String m = "trainingCurves";
        title = Check.text(title);
        Check.notNull(m, "runs", runs);
        if (runs.isEmpty()) {
            throw Check.fail(m, "runs is empty; pass at least one History (one training run)");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            History h = runs.get(i);
            if (h == null) {
                throw Check.fail(m, "runs[" + i + "] is null; pass a History or leave it out");
            }
            if (h.epochs().isEmpty()) {
                throw Check.fail(m, "runs[" + i + "] ('" + h.label() + "') has no epochs; train at least one "
                        + "epoch before plotting it, or leave it out");
            }
            if (!labels.add(runLabel(h, i))) {
                throw Check.fail(m, "runs[" + i + "] has the label '" + runLabel(h, i) + "' like an earlier run; "
                        + "labels must be distinct so the legend can tell runs apart (add the seed or rate)");
            }
        }

        List<Raster.Key> keys = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            keys.add(new Raster.Key(Theme.color(i), Theme.SOLID, runLabel(runs.get(i), i)));
        }
        keys.add(new Raster.Key(Theme.MUTED, Theme.SOLID, "train"));
        keys.add(new Raster.Key(Theme.MUTED, Theme.DASHED, "test"));
        List<List<Raster.Key>> rows = Raster.keyRows(keys, PANELS_WIDTH - 80);
        int titleH = title.isEmpty() ? 6 : 40;
        int panelH = PANELS_HEIGHT - titleH - rows.size() * Raster.KEY_ROW - 14;
        int panelW = PANELS_WIDTH / 2;

        XYChart loss = xyChart("loss", "epoch", "loss", panelW, panelH, Theme.PANEL_TITLE);
        XYChart acc = xyChart("accuracy", "epoch", "accuracy", panelW, panelH, Theme.PANEL_TITLE);
        int maxEpochs = 1;
        boolean lossDrawn = false;
        boolean accDrawn = false;
        for (int i = 0; i < runs.size(); i++) {
            History h = runs.get(i);
            double[] x = epochs(h.epochs().size());
            maxEpochs = Math.max(maxEpochs, x.length);
            Color c = Theme.color(i);
            String label = runLabel(h, i);
            lossDrawn |= addLine(loss, label + " train", x, h.trainLoss(), c, Theme.SOLID, false);
            lossDrawn |= addLine(loss, label + " test", x, h.testLoss(), c, Theme.DASHED, false);
            accDrawn |= addLine(acc, label + " train", x, h.trainAccuracy(), c, Theme.SOLID, false);
            accDrawn |= addLine(acc, label + " test", x, h.testAccuracy(), c, Theme.DASHED, false);
        }
        if (!lossDrawn || !accDrawn) {
            throw Check.fail(m, "every " + (lossDrawn ? "accuracy" : "loss") + " value of every run is NaN or "
                    + "infinite; there is nothing to draw (did training diverge? lower the learning rate)");
        }
        for (XYChart c : List.of(loss, acc)) {
            c.getStyler().setLegendVisible(false);
            epochAxis(c, maxEpochs);
        }
        BufferedImage lossImg = BitmapEncoder.getBufferedImage(loss);
        BufferedImage accImg = BitmapEncoder.getBufferedImage(acc);
        return Raster.composePanels(PANELS_WIDTH, PANELS_HEIGHT, title, titleH, List.of(lossImg, accImg), rows);
    }

    private static String runLabel(History h, int i) {
        return h.label() == null || h.label().isBlank() ? "run " + (i + 1) : h.label();
    }

    /**
     * One per-epoch (or per-checkpoint) metric for several series: x = 1..n, the series' index
     * counted from 1, with the x axis labelled "epoch". Series may differ in length.
     * Non-finite values are skipped (see the class doc). {@value #WIDTH} x {@value #HEIGHT}.
     */
    public static BufferedImage curves(String title, String yLabel, Map<String, double[]> seriesByName) {
        return curves(title, "epoch", yLabel, seriesByName);
    }

    /** As {@link #curves(String, String, Map)} with another x-axis label, e.g. "checkpoint". */
    public static BufferedImage curves(String title, String xLabel, String yLabel,
                                       Map<String, double[]> seriesByName) {
        String m = "curves";
        List<Map.Entry<String, double[]>> series = Check.entries(m, "seriesByName", seriesByName);
        XYChart c = xyChart(title, xLabel, yLabel, WIDTH, HEIGHT, Theme.TITLE);
        boolean drawn = false;
        int maxLen = 1;
        for (int i = 0; i < series.size(); i++) {
            Map.Entry<String, double[]> e = series.get(i);
            Check.nonEmpty(m, "series '" + e.getKey() + "'", e.getValue());
            double[] x = epochs(e.getValue().length);
            maxLen = Math.max(maxLen, x.length);
            drawn |= addLine(c, e.getKey(), x, e.getValue(), Theme.color(i), Theme.SOLID, true);
        }
        requireDrawn(m, drawn);
        epochAxis(c, maxLen);
        placeLegend(c, names(series));
        return BitmapEncoder.getBufferedImage(c);
    }

    /**
     * Several y series against one shared x array. Each y series must have x's length; x values must
     * be finite, and positive when {@code logX}. Non-finite y values are skipped (see the class doc).
     * {@value #WIDTH} x {@value #HEIGHT}.
     */
    public static BufferedImage lines(String title, String xLabel, String yLabel, double[] x,
                                      Map<String, double[]> ys, boolean logX) {
        String m = "lines";
        Check.notNull(m, "x", x);
        Check.nonEmpty(m, "x", x);
        Check.finiteAll(m, "x", x, "x positions cannot be missing");
        if (logX) {
            for (int i = 0; i < x.length; i++) {
                if (x[i] <= 0) {
                    throw Check.fail(m, "x[" + i + "] = " + x[i] + ", but a logarithmic x axis needs positive "
                            + "values; drop that point or pass logX = false");
                }
            }
        }
        List<Map.Entry<String, double[]>> series = Check.entries(m, "ys", ys);
        XYChart c = xyChart(title, xLabel, yLabel, WIDTH, HEIGHT, Theme.TITLE);
        boolean drawn = false;
        for (int i = 0; i < series.size(); i++) {
            Map.Entry<String, double[]> e = series.get(i);
            Check.sameLength(m, "ys '" + e.getKey() + "'", e.getValue().length, "x", x.length);
            drawn |= addLine(c, e.getKey(), x, e.getValue(), Theme.color(i), Theme.SOLID, true);
        }
        requireDrawn(m, drawn);
        if (logX) {
            logAxis(c, Arrays.stream(x).min().orElse(1));
        } else {
            shortTicks(c);
            if (x.length > DATA_TICKS_MAX && x[1] != x[0]) {
                niceTicks(c, x[0] + (x[1] - x[0]) / 3);
            }
        }
        placeLegend(c, names(series));
        return BitmapEncoder.getBufferedImage(c);
    }

    // ---- histogram ----------------------------------------------------------------------------

    /**
     * Overlaid, semi-transparent histograms of one or more samples over the same {@code bins} equal
     * bins spanning all samples' range; the y axis is the count per bin. The legend gives each
     * sample's size and mean. Samples must be non-empty and finite (filter NaN out first).
     * {@value #WIDTH} x {@value #HEIGHT}.
     */
    public static BufferedImage histogram(String title, String xLabel, Map<String, double[]> samples, int bins) {
        return histogram("histogram", title, xLabel, samples, bins, WIDTH, HEIGHT, Theme.TITLE);
    }

    static BufferedImage histogram(String m, String title, String xLabel, Map<String, double[]> samples, int bins,
                                   int width, int height, Font titleFont) {
        Check.atLeast(m, "bins", bins, 1, "pass the number of bars, e.g. 30");
        if (bins > 10_000) {
            throw Check.fail(m, "bins = " + bins + ", but at most 10000 bins can be told apart; pass e.g. 30");
        }
        List<Map.Entry<String, double[]>> list = Check.entries(m, "samples", samples);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : list) {
            Check.nonEmpty(m, "sample '" + e.getKey() + "'", e.getValue());
            Check.finiteAll(m, "sample '" + e.getKey() + "'", e.getValue(), "filter NaN and infinite values out first");
            for (double v : e.getValue()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double binW = (hi - lo) / bins;
        XYChart c = xyChart(title, xLabel, "count", width, height, titleFont);
        List<String> labels = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            double[] s = list.get(i).getValue();
            long[] counts = new long[bins];
            double sum = 0;
            for (double v : s) {
                int b = (int) ((v - lo) / binW);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
                sum += v;
            }
            // The outline: up the left edge of each bin, across its top, down at the far end.
            double[] ox = new double[2 * bins + 2];
            double[] oy = new double[2 * bins + 2];
            int k = 0;
            ox[k] = lo;
            oy[k++] = 0;
            for (int b = 0; b < bins; b++) {
                ox[k] = lo + b * binW;
                oy[k++] = counts[b];
                ox[k] = b == bins - 1 ? hi : lo + (b + 1) * binW;
                oy[k++] = counts[b];
            }
            ox[k] = hi;
            oy[k] = 0;
            String label = String.format(Locale.ROOT, "%s (n=%,d, mean %.3g)", list.get(i).getKey(), s.length,
                    sum / s.length);
            labels.add(label);
            Color col = Theme.color(i);
            XYSeries xs = c.addSeries(unique(used, label), ox, oy);
            xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            xs.setMarker(SeriesMarkers.NONE);
            xs.setLineColor(col);
            xs.setLineStyle(new BasicStroke(1.6f));
            xs.setFillColor(Theme.withAlpha(col, 80));
        }
        c.getStyler().setYAxisMin(0.0);
        shortTicks(c);
        niceTicks(c, lo + binW / 3);
        placeLegend(c, labels);
        return BitmapEncoder.getBufferedImage(c);
    }

    // ---- masks and matrices -------------------------------------------------------------------

    /**
     * A dropout mask as a grid of cells: a zero is a dropped (white) cell, any other value (1, or
     * 1/q for an inverted-dropout mask) a kept (dark) cell. The subtitle gives the shape and how many
     * were kept. Cells are scaled to fill about 620 x 300 px, at most 40 px each, with grid lines and
     * row/column numbers when they are large enough. {@value #WIDTH} wide and as tall as the grid needs
     * (200 to {@value #HEIGHT} px); a long strip whose cells would be under 4 px gets a canvas up to
     * {@value #PANELS_WIDTH} wide; larger only for matrices wider than 612 or taller than 302 cells.
     *
     * @param mask rectangular, at most {@value #MAX_MATRIX_SIDE} per side, finite
     */
    public static BufferedImage maskImage(String title, float[][] mask) {
        Check.matrix("maskImage", "mask", mask, MAX_MATRIX_SIDE);
        return Raster.mask(Check.text(title), mask);
    }

    /**
     * A grayscale heat map scaled from the matrix's minimum (white) to its maximum (black), with a
     * colour bar; the subtitle gives shape, min and max. Layout as {@link #maskImage}.
     *
     * @param values rectangular, at most {@value #MAX_MATRIX_SIDE} per side, finite
     */
    public static BufferedImage matrixImage(String title, float[][] values) {
        Check.matrix("matrixImage", "values", values, MAX_MATRIX_SIDE);
        return Raster.matrix(Check.text(title), values, 0, 0, false);
    }

    /**
     * As {@link #matrixImage(String, float[][])} on a fixed scale: {@code lo} is white, {@code hi}
     * black, values outside are clamped. Use it to compare matrices, e.g. activations before and after
     * dropout, on one scale.
     */
    public static BufferedImage matrixImage(String title, float[][] values, double lo, double hi) {
        String m = "matrixImage";
        Check.matrix(m, "values", values, MAX_MATRIX_SIDE);
        Check.finite(m, "lo", lo);
        Check.finite(m, "hi", hi);
        if (!(lo < hi)) {
            throw Check.fail(m, "lo = " + lo + " and hi = " + hi + ", but lo must be below hi; pass the "
                    + "scale's ends in order, or use matrixImage(title, values) to scale to min..max");
        }
        return Raster.matrix(Check.text(title), values, lo, hi, true);
    }

    // ---- Monte-Carlo convergence --------------------------------------------------------------

    /**
     * As {@link #convergence(String, long[], Map, double, double[], double[], String)} with the band
     * labelled "analytic band".
     */
    public static BufferedImage convergence(String title, long[] sampleCounts, Map<String, double[]> estimates,
                                            double target, double[] bandLow, double[] bandHigh) {
        return convergence(title, sampleCounts, estimates, target, bandLow, bandHigh, "analytic band");
    }

    /**
     * Running Monte-Carlo estimates against the sample count n on a logarithmic x axis, the exact
     * value as a dashed black line, and an analytic band (e.g. target ± 3σ/√n) as a shaded area.
     * {@value #WIDTH} x {@value #HEIGHT}.
     *
     * @param sampleCounts positive and strictly increasing (log axis)
     * @param estimates    one running estimate per series, each as long as sampleCounts; non-finite
     *                     values are skipped (see the class doc)
     * @param target       the exact value, finite
     * @param bandLow      lower edge of the band per sample count, or null (then bandHigh null too)
     * @param bandHigh     upper edge, at least bandLow
     * @param bandLabel    the band's legend entry, e.g. "exact ± 3σ/√n"
     */
    public static BufferedImage convergence(String title, long[] sampleCounts, Map<String, double[]> estimates,
                                            double target, double[] bandLow, double[] bandHigh, String bandLabel) {
        String m = "convergence";
        Check.notNull(m, "sampleCounts", sampleCounts);
        if (sampleCounts.length == 0) {
            throw Check.fail(m, "sampleCounts is empty; pass the n at which each running estimate was taken");
        }
        for (int i = 0; i < sampleCounts.length; i++) {
            if (sampleCounts[i] <= 0) {
                throw Check.fail(m, "sampleCounts[" + i + "] = " + sampleCounts[i] + ", but the log x axis needs "
                        + "positive sample counts; count samples from n = 1");
            }
            if (i > 0 && sampleCounts[i] <= sampleCounts[i - 1]) {
                throw Check.fail(m, "sampleCounts[" + i + "] = " + sampleCounts[i] + " is not above sampleCounts["
                        + (i - 1) + "] = " + sampleCounts[i - 1] + "; sample counts must increase strictly");
            }
        }
        Check.finite(m, "target", target);
        if ((bandLow == null) != (bandHigh == null)) {
            throw Check.fail(m, (bandLow == null ? "bandLow" : "bandHigh") + " is null but the other band edge "
                    + "is not; pass both edges, or both null for no band");
        }
        int n = sampleCounts.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sampleCounts[i];
        }
        List<Map.Entry<String, double[]>> series = Check.entries(m, "estimates", estimates);
        for (Map.Entry<String, double[]> e : series) {
            Check.sameLength(m, "estimates '" + e.getKey() + "'", e.getValue().length, "sampleCounts", n);
        }

        XYChart c = xyChart(title, "samples n (log scale)", "estimate", WIDTH, HEIGHT, Theme.TITLE);
        Set<String> used = new HashSet<>();
        List<String> labels = new ArrayList<>();
        if (bandLow != null) {
            Check.sameLength(m, "bandLow", bandLow.length, "sampleCounts", n);
            Check.sameLength(m, "bandHigh", bandHigh.length, "sampleCounts", n);
            Check.finiteAll(m, "bandLow", bandLow, "pass finite band edges");
            Check.finiteAll(m, "bandHigh", bandHigh, "pass finite band edges");
            for (int i = 0; i < n; i++) {
                if (bandLow[i] > bandHigh[i]) {
                    throw Check.fail(m, "bandLow[" + i + "] = " + bandLow[i] + " is above bandHigh[" + i + "] = "
                            + bandHigh[i] + "; the edges look swapped");
                }
            }
            double[] px = new double[2 * n];
            double[] py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = x[i];
                py[i] = bandHigh[i];
                px[2 * n - 1 - i] = x[i];
                py[2 * n - 1 - i] = bandLow[i];
            }
            String label = Check.text(bandLabel).isEmpty() ? "analytic band" : bandLabel;
            labels.add(label);
            XYSeries band = c.addSeries(unique(used, label), px, py);
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(BAND_FILL);
            band.setLineColor(new Color(0xa9b4c2));
            band.setLineStyle(new BasicStroke(1f));
            // XChart's one-row legend clips an area's 20 px box, so the band is hidden from the legend
            // and a one-point line (which draws nothing) with a thick stroke stands in for it there.
            band.setShowInLegend(false);
            XYSeries key = c.addSeries(unique(used, label + " "), new double[] {x[0]}, new double[] {target});
            key.setMarker(SeriesMarkers.NONE);
            key.setLineColor(BAND_FILL);
            key.setLineStyle(new BasicStroke(11f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            key.setLabel(label);
        }
        boolean drawn = false;
        for (int i = 0; i < series.size(); i++) {
            Map.Entry<String, double[]> e = series.get(i);
            labels.add(e.getKey());
            drawn |= addLine(c, used, e.getKey(), x, e.getValue(), Theme.color(i), Theme.SOLID, true);
        }
        requireDrawn(m, drawn);
        String exact = "exact " + Check.num(target);
        labels.add(exact);
        XYSeries t = c.addSeries(unique(used, exact), new double[] {x[0], x[n - 1]}, new double[] {target, target});
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(Color.BLACK);
        t.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {8f, 5f}, 0f));
        logAxis(c, x[0]);
        placeLegend(c, labels);
        return BitmapEncoder.getBufferedImage(c);
    }

    // ---- image grid ---------------------------------------------------------------------------

    /**
     * A grid of grayscale images, each a row-major {@code width x height} array of values in [0, 1]
     * (outside values are clamped; darker = larger, so 0 is white), scaled up by a whole factor so a
     * tile's longer side is about 84 px (x3 for 28 x 28), with an optional caption under each.
     * Each column is as wide as a tile, or as the widest caption up to twice a tile (longer captions
     * are shortened with "…"). The image is {@code 2*16 + c*colW + (c-1)*14} px wide (wider if the
     * title needs it) and {@code 40 + 16 + r*(tileH + 20) + (r-1)*14 + 16} high, for c columns and
     * r rows (no 40 without a title, no 20 without captions).
     *
     * @param captions null for none, else one per image
     * @param columns  at least 1; more columns than images is the same as one row
     */
    public static BufferedImage imageGrid(String title, List<float[]> images, int width, int height,
                                          List<String> captions, int columns) {
        String m = "imageGrid";
        Check.notNull(m, "images", images);
        if (images.isEmpty()) {
            throw Check.fail(m, "images is empty; pass at least one image");
        }
        Check.atLeast(m, "width", width, 1, "pass the image width in pixels, e.g. 28");
        Check.atLeast(m, "height", height, 1, "pass the image height in pixels, e.g. 28");
        Check.atLeast(m, "columns", columns, 1, "pass how many images per row, e.g. 5");
        if ((long) width * height > 1_000_000) {
            throw Check.fail(m, "width x height = " + width + " x " + height + " is over a million pixels per "
                    + "image; pass small images such as 28 x 28");
        }
        for (int i = 0; i < images.size(); i++) {
            float[] im = images.get(i);
            if (im == null) {
                throw Check.fail(m, "images[" + i + "] is null; pass an image or leave it out");
            }
            if (im.length != width * height) {
                throw Check.fail(m, "images[" + i + "] has " + im.length + " values but width x height = " + width
                        + " x " + height + " = " + (width * height) + "; pass the right width and height");
            }
            for (int k = 0; k < im.length; k++) {
                if (!Float.isFinite(im[k])) {
                    throw Check.fail(m, "images[" + i + "][" + k + "] = " + im[k] + ", but pixels must be finite "
                            + "values in [0, 1]");
                }
            }
        }
        List<String> caps = null;
        if (captions != null) {
            if (captions.size() != images.size()) {
                throw Check.fail(m, "captions has " + captions.size() + " entries but images has " + images.size()
                        + "; pass one caption per image, or null for none");
            }
            caps = new ArrayList<>();
            for (String s : captions) {
                caps.add(Check.text(s));
            }
        }
        return Raster.imageGrid(Check.text(title), images, width, height, caps, columns);
    }

    // ---- bars ---------------------------------------------------------------------------------

    /**
     * A bar per named value (e.g. final test accuracy per method), the value printed on each bar,
     * the y axis from 0. {@value #WIDTH} x {@value #HEIGHT}; wider (up to {@value #PANELS_WIDTH}) when
     * long names need the room, and with upright names when even that is not enough.
     */
    public static BufferedImage bars(String title, String yLabel, Map<String, Double> values) {
        return bars("bars", title, "", yLabel, values, null);
    }

    /** {@link #bars(String, String, Map)} with a title under the categories (e.g. "decile (1 = smallest spread)"). */
    public static BufferedImage bars(String title, String xLabel, String yLabel, Map<String, Double> values) {
        return bars("bars", title, Check.text(xLabel), yLabel, values, null);
    }

    /**
     * Bars with error bars: each bar is a mean, its error bar ± the spread (e.g. the standard
     * deviation over seeds). {@code spreads} must have exactly the keys of {@code means}, with finite
     * values ≥ 0.
     */
    public static BufferedImage bars(String title, String yLabel, Map<String, Double> means,
                                     Map<String, Double> spreads) {
        Check.notNull("bars", "spreads", spreads);
        return bars("bars", title, "", yLabel, means, spreads);
    }

    private static BufferedImage bars(String m, String title, String xLabel, String yLabel, Map<String, Double> values,
                                      Map<String, Double> spreads) {
        List<Map.Entry<String, Double>> list = Check.entries(m, "values", values);
        List<String> names = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> errs = new ArrayList<>();
        for (Map.Entry<String, Double> e : list) {
            Check.finite(m, "value '" + e.getKey() + "'", e.getValue());
            names.add(e.getKey());
            ys.add(e.getValue());
            if (spreads != null) {
                Double s = spreads.get(e.getKey());
                if (s == null) {
                    throw Check.fail(m, "spreads has no value for '" + e.getKey() + "'; pass a spread for every "
                            + "mean (0 for none)");
                }
                Check.finite(m, "spread '" + e.getKey() + "'", s);
                if (s < 0) {
                    throw Check.fail(m, "spread '" + e.getKey() + "' = " + s + ", but a spread must be >= 0; pass "
                            + "the standard deviation (or half-width), not a signed difference");
                }
                errs.add(s);
            }
        }
        if (spreads != null && spreads.size() != values.size()) {
            for (String k : spreads.keySet()) {
                if (!values.containsKey(k)) {
                    throw Check.fail(m, "spreads has '" + k + "', which is not among the means; pass the same "
                            + "names in both maps");
                }
            }
        }
        int[] layout = barsLayout(names);
        CategoryChart c = new CategoryChart(layout[0], HEIGHT);
        c.setTitle(Check.text(title));
        c.setXAxisTitle(xLabel);
        c.setYAxisTitle(Check.text(yLabel));
        style(c.getStyler(), Theme.TITLE);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setAvailableSpaceFill(0.6);
        c.getStyler().setLabelsVisible(true);
        // Dark values on a light fill stay readable on a tall bar and on a tiny one, where the text spills
        // over the white plot (white text on a 0.16-high bar vanished).
        c.getStyler().setLabelsFont(Theme.CAPTION);
        c.getStyler().setLabelsFontColor(Theme.TEXT);
        c.getStyler().setLabelsFontColorAutomaticEnabled(false);
        c.getStyler().setLabelsPosition(0.92);
        // XChart formats bar labels with the y axis's pattern, so both get the labels' pattern (1.000, not "1").
        c.getStyler().setDecimalPattern(decimalPattern(ys));
        c.getStyler().setYAxisDecimalPattern(decimalPattern(ys));
        c.getStyler().setErrorBarsColor(Theme.TEXT);
        c.getStyler().setXAxisLabelRotation(layout[1]);
        CategorySeries s = spreads == null ? c.addSeries("values", names, ys) : c.addSeries("values", names, ys, errs);
        s.setFillColor(BAR_FILL);
        s.setLineColor(Theme.color(0));
        return BitmapEncoder.getBufferedImage(c);
    }

    private static String decimalPattern(List<Double> ys) {
        double max = 0;
        for (double y : ys) {
            max = Math.max(max, Math.abs(y));
        }
        if (max >= 1000) {
            return "#,##0";
        }
        if (max >= 10) {
            return "0.0";
        }
        return "0.000";
    }

    // ---- saving -------------------------------------------------------------------------------

    /**
     * Writes the image as PNG (whatever the file's extension), creating missing parent folders.
     *
     * @return {@code file}, for chaining
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path save(BufferedImage image, Path file) {
        Check.notNull("save", "image", image);
        Check.notNull("save", "file", file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer for image type " + image.getType());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Charts.save: cannot write " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    // ---- XChart plumbing ----------------------------------------------------------------------

    static XYChart xyChart(String title, String xLabel, String yLabel, int w, int h, Font titleFont) {
        XYChart c = new XYChart(w, h);
        c.setTitle(Check.text(title));
        c.setXAxisTitle(Check.text(xLabel));
        c.setYAxisTitle(Check.text(yLabel));
        style(c.getStyler(), titleFont);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        c.getStyler().setMarkerSize(7);
        c.getStyler().setZoomEnabled(false);
        c.getStyler().setCursorEnabled(false);
        return c;
    }

    static void style(AxesChartStyler s, Font titleFont) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Theme.FRAME);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(Theme.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(Theme.TEXT);
        s.setChartTitleFont(titleFont);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(8);
        s.setAxisTitleFont(Theme.AXIS);
        s.setAxisTickLabelsFont(Theme.TICKS);
        s.setAxisTickLabelsColor(Theme.TEXT);
        s.setAxisTickMarksColor(Theme.FRAME);
        s.setLegendFont(Theme.LEGEND);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Theme.GRID);
        s.setLegendSeriesLineLength(28);
        s.setChartPadding(12);
        s.setSeriesColors(Theme.PALETTE.toArray(new Color[0]));
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
    }

    /** x = 1..n. */
    static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** Whole-number tick labels only, x axis from 1 to n. */
    static void epochAxis(XYChart c, int n) {
        if (n > DATA_TICKS_MAX) {
            niceTicks(c, 1.5);
        }
        AxesChartStyler s = c.getStyler();
        s.setXAxisMin(1.0);
        s.setXAxisMax((double) Math.max(n, 2));
        s.setxAxisTickLabelsFormattingFunction(integerTicks());
    }

    private static Function<Double, String> integerTicks() {
        return v -> Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%d", Math.round(v)) : "";
    }

    /** Up to this many equally spaced x values, XChart may put a tick on each (every epoch labelled). */
    private static final int DATA_TICKS_MAX = 20;

    /**
     * Makes XChart choose round tick values instead of ticks on the data's x values. XChart 3.8.8
     * puts ticks on data x values whenever those are equally spaced; with many points (a histogram's
     * bin edges, 300 checkpoints) the labels crowd or carry every decimal. One hidden, invisible point
     * (a one-point line with no marker draws nothing) at an x off that grid switches that off.
     */
    private static void niceTicks(XYChart c, double offGridX) {
        XYSeries any = c.getSeriesMap().values().iterator().next();
        double yMin = Arrays.stream(any.getYData()).min().orElse(0);
        double yMax = Arrays.stream(any.getYData()).max().orElse(0);
        double y = yMin + (yMax - yMin) / 3; // off any equal-step grid of y values too
        Set<String> used = names(c);
        XYSeries hidden = c.addSeries(unique(used, "\u200b"), new double[] {offGridX}, new double[] {y});
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setLineColor(new Color(0, 0, 0, 0));
        hidden.setShowInLegend(false);
    }

    /**
     * Linear x-axis tick labels with at most 4 significant digits: XChart puts ticks on the data's
     * x values when they are equally spaced, and would print 0.1 + 0.1 + 0.1 as 0.30000000000000004.
     */
    private static void shortTicks(XYChart c) {
        c.getStyler().setxAxisTickLabelsFormattingFunction(Check::num);
    }

    /**
     * Logarithmic x axis. (XChart 3.8.8 misplaces log-axis ticks when given a tick-label formatting
     * function, so only a decimal pattern is set here.)
     */
    private static void logAxis(XYChart c, double minX) {
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern(minX >= 1e-4 ? "#,##0.####" : "0.##E0");
    }

    static void requireDrawn(String m, boolean drawn) {
        if (!drawn) {
            throw Check.fail(m, "every y value is NaN or infinite; there is nothing to draw (pass at least "
                    + "one finite value)");
        }
    }

    static boolean addLine(XYChart c, String label, double[] x, double[] y, Color color, BasicStroke stroke,
                                   boolean inLegend) {
        return addLine(c, names(c), label, x, y, color, stroke, inLegend);
    }

    /**
     * Adds y against x as one or more line pieces, broken wherever y is not finite; the first piece
     * carries the legend entry, an isolated point gets a dot. Returns whether anything was drawn.
     */
    private static boolean addLine(XYChart c, Set<String> used, String label, double[] x, double[] y, Color color,
                                   BasicStroke stroke, boolean inLegend) {
        boolean first = true;
        int i = 0;
        while (i < y.length) {
            if (!Double.isFinite(y[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < y.length && Double.isFinite(y[i])) {
                i++;
            }
            boolean legend = first && inLegend;
            String name = unique(used, legend ? label : label + " \u200b");
            XYSeries s = c.addSeries(name, Arrays.copyOfRange(x, start, i), Arrays.copyOfRange(y, start, i));
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setLineStyle(stroke);
            s.setMarker(i - start == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setShowInLegend(legend);
            first = false;
        }
        return !first;
    }

    private static Set<String> names(XYChart c) {
        return new HashSet<>(c.getSeriesMap().keySet());
    }

    static List<String> names(List<? extends Map.Entry<String, ?>> entries) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ?> e : entries) {
            out.add(e.getKey());
        }
        return out;
    }

    /** XChart needs distinct series names; pads with zero-width spaces (invisible) until unique. */
    private static String unique(Set<String> used, String name) {
        String n = name;
        while (!used.add(n)) {
            n = n + "\u200b";
        }
        return n;
    }

    /**
     * Legend under the plot: in one row when it fits, else one entry per line for up to four
     * entries; more entries go in a column to the right.
     */
    static void placeLegend(XYChart c, List<String> labels) {
        BufferedImage probe = Theme.canvas(1, 1);
        Graphics2D g = Theme.graphics(probe);
        double total = 0;
        for (String s : labels) {
            total += Theme.width(g, s, Theme.LEGEND) + 28 + 30;
        }
        g.dispose();
        boolean oneRow = total <= c.getWidth() - 60;
        c.getStyler().setLegendPosition(oneRow || labels.size() <= 4 ? LegendPosition.OutsideS : LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(oneRow ? LegendLayout.Horizontal : LegendLayout.Vertical);
    }

    /**
     * {chart width, label rotation}: 700 wide with horizontal names when they fit under their bars;
     * wider, up to {@value #PANELS_WIDTH}, when that makes them fit; otherwise 700 wide with the names
     * turned upright (XChart aligns 90 degrees correctly, slanted labels drift off their bars).
     */
    static int[] barsLayout(List<String> names) {
        BufferedImage probe = Theme.canvas(1, 1);
        Graphics2D g = Theme.graphics(probe);
        double widest = 0;
        for (String s : names) {
            widest = Math.max(widest, Theme.width(g, s, Theme.TICKS));
        }
        g.dispose();
        int needed = (int) Math.ceil(names.size() * (widest + 14) + BARS_FRAME);
        if (needed <= WIDTH) {
            return new int[] {WIDTH, 0};
        }
        if (needed <= PANELS_WIDTH) {
            return new int[] {needed, 0};
        }
        return new int[] {WIDTH, 90};
    }

    /** Width of a bar chart that is not bar slots: y-axis labels, title, paddings. */
    private static final int BARS_FRAME = 120;
}
