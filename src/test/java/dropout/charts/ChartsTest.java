package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.train.EpochStats;
import dropout.train.History;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    static {
        // Before any AWT class loads: the notebooks' kernels and CI run without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final List<Color> P = Charts.palette();

    // ---- helpers ------------------------------------------------------------------------------

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int nonWhite(BufferedImage img) {
        int n = 0;
        for (int p : pixels(img)) {
            if ((p & 0xffffff) != 0xffffff) {
                n++;
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int p : pixels(img)) {
            s.add(p & 0xffffff);
        }
        return s.size();
    }

    /** Pixels within tol of c in every channel. */
    private static int near(BufferedImage img, Color c, int tol) {
        int n = 0;
        for (int p : pixels(img)) {
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            if (Math.abs(r - c.getRed()) <= tol && Math.abs(g - c.getGreen()) <= tol
                    && Math.abs(b - c.getBlue()) <= tol) {
                n++;
            }
        }
        return n;
    }

    private static void assertChart(BufferedImage img, int width, int height) {
        assertEquals(width, img.getWidth(), "width");
        assertEquals(height, img.getHeight(), "height");
        assertEquals(0xffffff, img.getRGB(0, 0) & 0xffffff, "white background in the corner");
        int nw = nonWhite(img);
        assertTrue(nw > 2_000, "not blank: " + nw + " non-white pixels");
        assertTrue(nw < width * height / 2, "mostly white background: " + nw + " non-white pixels");
        assertTrue(distinctColours(img) > 10, "more than a few colours (text, lines, antialiasing)");
    }

    private static void assertColourDrawn(BufferedImage img, Color c, int minPixels) {
        int n = near(img, c, 12);
        assertTrue(n >= minPixels, "colour " + Integer.toHexString(c.getRGB()) + " drawn on " + n + " pixels, want >= "
                + minPixels);
    }

    private static IllegalArgumentException rejects(Supplier<?> call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
        return e;
    }

    private static Map<String, double[]> one(String name, double... values) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(name, values);
        return m;
    }

    // ---- environment and general properties -----------------------------------------------------

    @Test
    void runsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless());
        assertChart(Charts.curves("t", "y", one("a", 1, 2, 3)), Charts.WIDTH, Charts.HEIGHT);
    }

    @Test
    void renderingIsDeterministic() {
        assertArrayEquals(pixels(Charts.trainingCurves("t", Samples.threeRuns())),
                pixels(Charts.trainingCurves("t", Samples.threeRuns())));
        assertArrayEquals(pixels(Charts.maskImage("m", Samples.mask(6, 8, 0.5, 1))),
                pixels(Charts.maskImage("m", Samples.mask(6, 8, 0.5, 1))));
    }

    @Test
    void unorderedMapsAreDrawnSortedByName() {
        double[] a = {1, 2, 3};
        double[] b = {3, 2, 1};
        Map<String, double[]> sorted = new TreeMap<>(Map.of("b", b, "a", a));
        Map<String, double[]> linkedAThenB = new LinkedHashMap<>(sorted);
        BufferedImage fromMapOf = Charts.curves("t", "y", Map.of("b", b, "a", a));
        assertArrayEquals(pixels(Charts.curves("t", "y", sorted)), pixels(fromMapOf));
        assertArrayEquals(pixels(Charts.curves("t", "y", linkedAThenB)), pixels(fromMapOf));
    }

    @Test
    void paletteIsTenDistinctColours() {
        assertEquals(10, P.size());
        assertEquals(10, new HashSet<>(P).size());
        assertThrows(UnsupportedOperationException.class, () -> P.set(0, Color.RED));
    }

    @Test
    void everyPreviewChartRendersAndSaves(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, BufferedImage> e : ChartsPreview.all().entrySet()) {
            BufferedImage img = e.getValue();
            assertTrue(nonWhite(img) > 2_000, e.getKey() + " is not blank");
            Path file = Charts.save(img, dir.resolve(e.getKey() + ".png"));
            BufferedImage back = ImageIO.read(file.toFile());
            assertEquals(img.getWidth(), back.getWidth(), e.getKey());
            assertEquals(img.getHeight(), back.getHeight(), e.getKey());
        }
    }

    // ---- training curves ----------------------------------------------------------------------

    @Test
    void trainingCurvesDrawsEveryRunInItsColour() {
        BufferedImage img = Charts.trainingCurves("MLP", Samples.threeRuns());
        assertChart(img, Charts.PANELS_WIDTH, Charts.PANELS_HEIGHT);
        for (int i = 0; i < 3; i++) {
            assertColourDrawn(img, P.get(i), 300);
        }
        assertEquals(0, near(img, P.get(3), 12), "no fourth run, no fourth colour");
    }

    @Test
    void trainingCurvesBothPanelsHaveLines() {
        BufferedImage img = Charts.trainingCurves("", List.of(Samples.run("only", 5, 0.2, 0.1, 1)));
        assertChart(img, Charts.PANELS_WIDTH, Charts.PANELS_HEIGHT);
        BufferedImage left = img.getSubimage(0, 0, Charts.PANELS_WIDTH / 2, Charts.PANELS_HEIGHT - 60);
        BufferedImage right = img.getSubimage(Charts.PANELS_WIDTH / 2, 0, Charts.PANELS_WIDTH / 2,
                Charts.PANELS_HEIGHT - 60);
        assertColourDrawn(left, P.get(0), 200);
        assertColourDrawn(right, P.get(0), 200);
    }

    @Test
    void trainingCurvesSkipsNaNOfADivergedRun() {
        List<History> runs = new ArrayList<>(Samples.threeRuns());
        runs.add(Samples.diverged());
        BufferedImage img = Charts.trainingCurves("diverged", runs);
        assertChart(img, Charts.PANELS_WIDTH, Charts.PANELS_HEIGHT);
        assertColourDrawn(img, P.get(3), 200);
    }

    @Test
    void trainingCurvesAcceptsASingleEpoch() {
        History h = new History("one epoch");
        h.add(new EpochStats(1, 0.5, 0.8, 0.6, 0.78, 1, 0.5));
        assertChart(Charts.trainingCurves("1", List.of(h)), Charts.PANELS_WIDTH, Charts.PANELS_HEIGHT);
    }

    @Test
    void trainingCurvesRejectsBadRuns() {
        rejects(() -> Charts.trainingCurves("t", null), "runs", "null");
        rejects(() -> Charts.trainingCurves("t", List.of()), "runs is empty");
        rejects(() -> Charts.trainingCurves("t", List.of(new History("fresh"))), "runs[0]", "'fresh'", "no epochs");
        rejects(() -> Charts.trainingCurves("t", List.of(Samples.run("a", 3, 0.2, 0.1, 1),
                Samples.run("a", 3, 0.2, 0.1, 2))), "runs[1]", "'a'", "distinct");
        List<History> withNull = new ArrayList<>(Samples.threeRuns());
        withNull.add(null);
        rejects(() -> Charts.trainingCurves("t", withNull), "runs[3] is null");
        History allNaN = new History("nan");
        allNaN.add(new EpochStats(1, Double.NaN, 0.1, Double.NaN, 0.1, 1, 0.5));
        rejects(() -> Charts.trainingCurves("t", List.of(allNaN)), "loss", "NaN");
    }

    // ---- curves and lines ---------------------------------------------------------------------

    @Test
    void curvesDrawsEverySeries() {
        BufferedImage img = Charts.curves("grad", "norm", Samples.gradientNorms());
        assertChart(img, Charts.WIDTH, Charts.HEIGHT);
        for (int i = 0; i < 3; i++) {
            assertColourDrawn(img, P.get(i), 300);
        }
    }

    @Test
    void curvesSkipsNaNAndKeepsTheRest() {
        double nan = Double.NaN;
        BufferedImage withGap = Charts.curves("gap", "loss", one("a", 1.0, 0.8, nan, 0.5, 0.4, Double.POSITIVE_INFINITY, 0.3));
        assertChart(withGap, Charts.WIDTH, Charts.HEIGHT);
        assertColourDrawn(withGap, P.get(0), 200);
        // an isolated finite point between gaps still shows (as a dot)
        BufferedImage dot = Charts.curves("dot", "loss", one("a", nan, 0.7, nan));
        assertColourDrawn(dot, P.get(0), 20);
        // a series without any finite value is left out; the others are drawn
        Map<String, double[]> m = one("ok", 1, 2, 3);
        m.put("all NaN", new double[] {nan, nan});
        assertColourDrawn(Charts.curves("t", "y", m), P.get(0), 200);
    }

    @Test
    void curvesRejectsBadInput() {
        rejects(() -> Charts.curves("t", "y", null), "seriesByName", "null");
        rejects(() -> Charts.curves("t", "y", new LinkedHashMap<>()), "seriesByName is empty");
        rejects(() -> Charts.curves("t", "y", one("a")), "series 'a' is empty");
        rejects(() -> Charts.curves("t", "y", one("a", Double.NaN, Double.NaN)), "every y value is NaN or infinite");
        Map<String, double[]> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        rejects(() -> Charts.curves("t", "y", nullValue), "'a' is null");
    }

    @Test
    void linesDrawsAgainstSharedX() {
        double[] x = {0, 0.1, 0.2, 0.3, 0.4, 0.5};
        Map<String, double[]> ys = one("p/q", 0, 0.11, 0.25, 0.43, 0.67, 1.0);
        ys.put("sqrt", new double[] {0, 0.3, 0.4, 0.46, 0.49, 0.5});
        BufferedImage img = Charts.lines("var", "p", "value", x, ys, false);
        assertChart(img, Charts.WIDTH, Charts.HEIGHT);
        assertColourDrawn(img, P.get(0), 200);
        assertColourDrawn(img, P.get(1), 200);
        BufferedImage log = Charts.lines("lr", "lr", "acc", new double[] {1e-4, 1e-3, 1e-2, 1e-1},
                one("acc", 0.6, 0.8, 0.86, Double.NaN), true);
        assertChart(log, Charts.WIDTH, Charts.HEIGHT);
        assertColourDrawn(log, P.get(0), 200);
    }

    @Test
    void linesRejectsBadInput() {
        double[] x = {0, 1, 2};
        rejects(() -> Charts.lines("t", "x", "y", x, one("a", 1, 2), false), "ys 'a' has 2 values", "x has 3",
                "same length");
        rejects(() -> Charts.lines("t", "x", "y", x, one("a", 1, 2, 3), true), "x[0] = 0.0", "logarithmic",
                "positive");
        rejects(() -> Charts.lines("t", "x", "y", new double[] {1, -2, 3}, one("a", 1, 2, 3), true), "x[1] = -2.0");
        rejects(() -> Charts.lines("t", "x", "y", new double[] {0, Double.NaN, 2}, one("a", 1, 2, 3), false),
                "x[1] = NaN", "finite");
        rejects(() -> Charts.lines("t", "x", "y", new double[0], one("a"), false), "x is empty");
        rejects(() -> Charts.lines("t", "x", "y", null, one("a", 1), false), "x is null");
    }

    // ---- histogram ----------------------------------------------------------------------------

    @Test
    void histogramOverlaysSamplesInTheirColours() {
        BufferedImage img = Charts.histogram("h", "value", Samples.dropoutOutputs(5_000), 30);
        assertChart(img, Charts.WIDTH, Charts.HEIGHT);
        for (int i = 0; i < 3; i++) {
            assertColourDrawn(img, P.get(i), 100);
        }
    }

    @Test
    void histogramHandlesOneBinAndConstantSamples() {
        BufferedImage oneBin = Charts.histogram("one bin", "x", one("a", 1, 2, 3), 1);
        assertEquals(Charts.WIDTH, oneBin.getWidth());
        assertEquals(Charts.HEIGHT, oneBin.getHeight());
        assertColourDrawn(oneBin, P.get(0), 500);
        BufferedImage constant = Charts.histogram("constant", "x", one("a", 2, 2, 2, 2), 10);
        assertChart(constant, Charts.WIDTH, Charts.HEIGHT);
        assertColourDrawn(constant, P.get(0), 100);
    }

    @Test
    void histogramRejectsBadInput() {
        rejects(() -> Charts.histogram("h", "x", one("a", 1, 2), 0), "bins = 0", "at least 1");
        rejects(() -> Charts.histogram("h", "x", one("a", 1, 2), -3), "bins = -3");
        rejects(() -> Charts.histogram("h", "x", one("a", 1, Double.NaN), 10), "sample 'a'[1] = NaN", "finite");
        rejects(() -> Charts.histogram("h", "x", one("a"), 10), "sample 'a' is empty");
        rejects(() -> Charts.histogram("h", "x", new TreeMap<>(), 10), "samples is empty");
    }

    // ---- masks and matrices -------------------------------------------------------------------

    /** The pixel at the centre of cell (r, c), from the layout the pictures use. */
    private static int cellCentre(BufferedImage img, int rows, int cols, int r, int c, boolean colourBar) {
        int[] layout = Raster.matrixLayout(rows, cols, colourBar);
        int cell = layout[0];
        int w = layout[1];
        int h = layout[2];
        int x0 = (w - (colourBar ? Raster.COLOUR_BAR_SPACE : 0) - cols * cell) / 2;
        int y0 = Raster.MAT_TOP + (h - Raster.MAT_TOP - Raster.MAT_BOTTOM - rows * cell) / 2;
        return img.getRGB(x0 + c * cell + cell / 2, y0 + r * cell + cell / 2) & 0xffffff;
    }

    @Test
    void maskImageDrawsKeptDarkAndDroppedWhite() {
        for (int[] shape : new int[][] {{6, 8}, {16, 16}, {1, 1}, {1, 30}}) {
            int rows = shape[0];
            int cols = shape[1];
            float[][] mask = Samples.mask(rows, cols, 0.5, rows * 31L + cols);
            mask[0][0] = 2f; // an inverted-dropout mask value (1/q) counts as kept
            BufferedImage img = Charts.maskImage("mask", mask);
            int[] layout = Raster.matrixLayout(rows, cols, false);
            assertEquals(Charts.WIDTH, img.getWidth());
            assertEquals(layout[2], img.getHeight());
            assertTrue(img.getHeight() <= Charts.HEIGHT && img.getHeight() >= Raster.MIN_HEIGHT);
            assertTrue(Raster.matrixLayout(rows, cols, false)[0] >= 16, "cells are large enough to see");
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int px = cellCentre(img, rows, cols, r, c, false);
                    assertEquals(mask[r][c] != 0 ? 0x2b2b2b : 0xffffff, px, "cell " + r + "," + c);
                }
            }
        }
    }

    @Test
    void aWideMaskStripGetsATightCanvasAndLargerCells() {
        float[][] strip = Samples.mask(16, 256, 0.5, 3);
        BufferedImage img = Charts.maskImage("16 images x 256 units", strip);
        int[] layout = Raster.matrixLayout(16, 256, false);
        assertEquals(3, layout[0], "3 px cells instead of 2 in a 700 px frame");
        assertEquals(256 * 3 + 2 * Raster.MAT_SIDE, img.getWidth());
        assertEquals(Raster.MIN_HEIGHT, img.getHeight(), "no empty band above and below the strip");
        for (int r = 0; r < 16; r += 5) {
            for (int c = 0; c < 256; c += 37) {
                assertEquals(strip[r][c] != 0 ? 0x2b2b2b : 0xffffff, cellCentre(img, 16, 256, r, c, false));
            }
        }
        // the empty frame is gone: a fifth of the canvas is grid (in a 700 x 420 frame it was 3 %)
        assertTrue(16 * 3 * 256 * 3 > img.getWidth() * img.getHeight() / 5);
    }

    @Test
    void maskImageGrowsOnlyForHugeMatrices() {
        BufferedImage big = Charts.maskImage("W", Samples.mask(256, 784, 0.5, 1));
        assertEquals(784 + 2 * Raster.MAT_SIDE, big.getWidth());
        assertEquals(Charts.HEIGHT, big.getHeight());
        assertTrue(nonWhite(big) > 90_000);
    }

    @Test
    void matrixImageIsAGrayscaleFromMinWhiteToMaxBlack() {
        float[][] v = Samples.activations(6, 8, 1);
        v[0][0] = -1f;
        v[5][7] = 9f;
        BufferedImage img = Charts.matrixImage("h", v);
        assertChart(img, Charts.WIDTH, Raster.matrixLayout(6, 8, true)[2]);
        assertEquals(0xffffff, cellCentre(img, 6, 8, 0, 0, true), "min is white");
        assertEquals(0x000000, cellCentre(img, 6, 8, 5, 7, true), "max is black");
        int mid = cellCentre(img, 6, 8, 2, 3, true);
        assertEquals(mid >> 16, mid & 0xff, "gray: red == blue");
        assertTrue(distinctColours(img) > 40, "many gray levels");

        BufferedImage fixed = Charts.matrixImage("h", v, 0, 1);
        assertEquals(0xffffff, cellCentre(fixed, 6, 8, 0, 0, true), "below lo clamps to white");
        assertEquals(0x000000, cellCentre(fixed, 6, 8, 5, 7, true), "above hi clamps to black");

        float[][] constant = {{3f, 3f}, {3f, 3f}};
        assertEquals(0x808080, cellCentre(Charts.matrixImage("c", constant), 2, 2, 0, 0, true), "constant is mid-gray");
        assertChart(Charts.matrixImage("16", Samples.activations(16, 16, 2)), Charts.WIDTH, Charts.HEIGHT);
        assertChart(Charts.matrixImage("1", Samples.activations(1, 4, 2)), Charts.WIDTH,
                Raster.MAT_TOP + 120 + Raster.MAT_BOTTOM + 24); // room for the colour bar, no more
    }

    @Test
    void masksAndMatricesRejectBadShapes() {
        rejects(() -> Charts.maskImage("m", null), "mask is null");
        rejects(() -> Charts.maskImage("m", new float[0][]), "no rows");
        rejects(() -> Charts.maskImage("m", new float[][] {{}}), "mask[0] is empty");
        rejects(() -> Charts.maskImage("m", new float[][] {{1, 0}, {1}}), "ragged", "row 1 has 1");
        rejects(() -> Charts.maskImage("m", new float[][] {{1, 0}, null}), "mask[1] is null");
        rejects(() -> Charts.matrixImage("m", new float[][] {{1, Float.NaN}}), "values[0][1] = NaN");
        rejects(() -> Charts.matrixImage("m", new float[3000][1]), "3000 x 1", "sub-block");
        rejects(() -> Charts.matrixImage("m", new float[][] {{1}}, 1, 1), "lo = 1.0 and hi = 1.0", "below");
        rejects(() -> Charts.matrixImage("m", new float[][] {{1}}, 0, Double.NaN), "hi = NaN");
    }

    // ---- convergence --------------------------------------------------------------------------

    @Test
    void convergenceDrawsEstimatesTargetAndBand() {
        long[] n = Samples.counts();
        double sd = 1;
        BufferedImage img = Charts.convergence("mc", n, Samples.runningMeans(n, 0.5), 1.0,
                Samples.band(n, 1, sd, -3), Samples.band(n, 1, sd, 3));
        assertChart(img, Charts.WIDTH, Charts.HEIGHT);
        for (int i = 0; i < 3; i++) {
            assertColourDrawn(img, P.get(i), 150);
        }
        assertColourDrawn(img, new Color(0xd5dde8), 5_000); // the band
        assertColourDrawn(img, Color.BLACK, 150); // the exact value
        BufferedImage noBand = Charts.convergence("mc", n, Samples.runningMeans(n, 0.5), 1.0, null, null);
        assertChart(noBand, Charts.WIDTH, Charts.HEIGHT);
        assertTrue(near(noBand, new Color(0xd5dde8), 3) < 50, "no band drawn");
    }

    @Test
    void convergenceRejectsBadInput() {
        long[] n = {1, 10, 100};
        Map<String, double[]> est = one("mc", 2, 1.1, 0.99);
        double[] lo = {-2, 0.7, 0.9};
        double[] hi = {4, 1.3, 1.1};
        rejects(() -> Charts.convergence("c", new long[] {0, 10, 100}, est, 1, lo, hi), "sampleCounts[0] = 0",
                "positive");
        rejects(() -> Charts.convergence("c", new long[] {1, 10, 10}, est, 1, lo, hi), "sampleCounts[2] = 10",
                "increase strictly");
        rejects(() -> Charts.convergence("c", new long[0], est, 1, lo, hi), "sampleCounts is empty");
        rejects(() -> Charts.convergence("c", n, one("mc", 1, 2), 1, lo, hi), "estimates 'mc' has 2 values");
        rejects(() -> Charts.convergence("c", n, est, Double.NaN, lo, hi), "target = NaN");
        rejects(() -> Charts.convergence("c", n, est, 1, lo, null), "bandHigh is null");
        rejects(() -> Charts.convergence("c", n, est, 1, new double[] {1, 2}, hi), "bandLow has 2 values");
        rejects(() -> Charts.convergence("c", n, est, 1, hi, lo), "bandLow[0] = 4.0", "swapped");
        rejects(() -> Charts.convergence("c", n, one("mc", Double.NaN, Double.NaN, Double.NaN), 1, lo, hi),
                "NaN or infinite");
    }

    // ---- image grid ---------------------------------------------------------------------------

    @Test
    void imageGridHasTheDocumentedSize() {
        List<float[]> imgs = Samples.images(10, 0, 1);
        assertEquals(3, Raster.gridScale(28, 28));
        BufferedImage bare = Charts.imageGrid(null, imgs, 28, 28, null, 5);
        assertEquals(2 * 16 + 5 * 84 + 4 * 14, bare.getWidth());
        assertEquals(16 + 2 * 84 + 14 + 16, bare.getHeight());
        List<String> caps = Collections.nCopies(10, "a");
        BufferedImage titled = Charts.imageGrid("t", imgs, 28, 28, caps, 5);
        assertEquals(2 * 16 + 5 * 84 + 4 * 14, titled.getWidth());
        assertEquals(40 + 16 + 2 * (84 + 20) + 14 + 16, titled.getHeight());
        assertTrue(nonWhite(titled) > 10_000);
        // more columns than images: one row
        assertEquals(16 + 84 + 16, Charts.imageGrid("", imgs.subList(0, 3), 28, 28, null, 10).getHeight());
    }

    @Test
    void imageGridMapsOneToBlackAndZeroToWhite() {
        float[] ones = new float[28 * 28];
        java.util.Arrays.fill(ones, 1f);
        float[] zeros = new float[28 * 28];
        float[] over = new float[28 * 28];
        java.util.Arrays.fill(over, 1.7f);
        BufferedImage img = Charts.imageGrid("", List.of(ones, zeros, over), 28, 28, null, 3);
        int y = 16 + 42;
        assertEquals(0x000000, img.getRGB(16 + 42, y) & 0xffffff);
        assertEquals(0xffffff, img.getRGB(16 + 84 + 14 + 42, y) & 0xffffff);
        assertEquals(0x000000, img.getRGB(16 + 2 * (84 + 14) + 42, y) & 0xffffff, "values above 1 clamp to black");
    }

    @Test
    void imageGridRejectsBadInput() {
        List<float[]> imgs = Samples.images(2, 0, 1);
        rejects(() -> Charts.imageGrid("g", imgs, 28, 27, null, 2), "images[0] has 784 values", "28 x 27 = 756");
        rejects(() -> Charts.imageGrid("g", imgs, 28, 28, List.of("one"), 2), "captions has 1", "images has 2");
        rejects(() -> Charts.imageGrid("g", imgs, 28, 28, null, 0), "columns = 0");
        rejects(() -> Charts.imageGrid("g", List.of(), 28, 28, null, 2), "images is empty");
        rejects(() -> Charts.imageGrid("g", imgs, 0, 28, null, 2), "width = 0");
        float[] nan = new float[4];
        nan[2] = Float.NaN;
        rejects(() -> Charts.imageGrid("g", List.of(nan), 2, 2, null, 1), "images[0][2] = NaN");
    }

    // ---- bars ---------------------------------------------------------------------------------

    @Test
    void barsDrawsBarsWithAndWithoutErrorBars() {
        BufferedImage img = Charts.bars("acc", "test accuracy", Samples.accuracies());
        assertChart(img, Charts.WIDTH, Charts.HEIGHT);
        assertColourDrawn(img, Charts.BAR_FILL, 20_000);
        BufferedImage err = Charts.bars("acc", "test accuracy", Samples.accuracies(), Samples.spreads());
        assertChart(err, Charts.WIDTH, Charts.HEIGHT);
        assertColourDrawn(err, Charts.BAR_FILL, 20_000);
        assertTrue(nonWhite(err) != nonWhite(img), "error bars change the picture");
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            many.put("a rather long method name " + i, 0.5 + i * 0.01);
        }
        assertChart(Charts.bars("many", "acc", many), Charts.WIDTH, Charts.HEIGHT); // names turned upright
        assertEquals(90, Charts.barsLayout(new ArrayList<>(many.keySet()))[1]);
        Map<String, Double> longer = new LinkedHashMap<>();
        for (String name : List.of("no dropout", "dropout 0.2 / 0.5", "gaussian dropout", "alpha dropout (SELU)",
                "dropconnect p = 0.5", "standout")) {
            longer.put(name, 0.86);
        }
        BufferedImage wide = Charts.bars("wider", "acc", longer);
        assertTrue(wide.getWidth() > Charts.WIDTH && wide.getWidth() <= Charts.PANELS_WIDTH, "wider for long names");
        assertChart(wide, wide.getWidth(), Charts.HEIGHT);
        assertEquals(0, Charts.barsLayout(new ArrayList<>(longer.keySet()))[1], "names stay horizontal");
    }

    @Test
    void barsRejectsBadInput() {
        Map<String, Double> v = Samples.accuracies();
        rejects(() -> Charts.bars("b", "y", Map.of("a", Double.NaN)), "value 'a' = NaN");
        rejects(() -> Charts.bars("b", "y", Map.of()), "values is empty");
        Map<String, Double> missing = new LinkedHashMap<>(Samples.spreads());
        missing.remove("gaussian");
        rejects(() -> Charts.bars("b", "y", v, missing), "no value for 'gaussian'");
        Map<String, Double> extra = new LinkedHashMap<>(Samples.spreads());
        extra.put("typo", 0.1);
        rejects(() -> Charts.bars("b", "y", v, extra), "'typo'", "not among the means");
        Map<String, Double> negative = new LinkedHashMap<>(Samples.spreads());
        negative.put("gaussian", -0.01);
        rejects(() -> Charts.bars("b", "y", v, negative), "spread 'gaussian' = -0.01", ">= 0");
        rejects(() -> Charts.bars("b", "y", v, null), "spreads is null");
    }

    // ---- save ---------------------------------------------------------------------------------

    @Test
    void saveWritesAPngAndCreatesFolders(@TempDir Path dir) throws IOException {
        BufferedImage img = Charts.curves("t", "y", Samples.gradientNorms());
        Path file = dir.resolve("a/b/curves.png");
        assertEquals(file, Charts.save(img, file));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertEquals('N', bytes[2]);
        assertEquals('G', bytes[3]);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(img.getWidth(), back.getWidth());
        assertEquals(img.getHeight(), back.getHeight());
        assertArrayEquals(pixels(img), pixels(back), "PNG is lossless");
    }

    @Test
    void saveRejectsNullsAndReportsUnwritablePaths(@TempDir Path dir) throws IOException {
        BufferedImage img = Charts.bars("b", "y", Samples.accuracies());
        rejects(() -> Charts.save(null, dir.resolve("x.png")), "image is null");
        rejects(() -> Charts.save(img, null), "file is null");
        Path blocker = Files.writeString(dir.resolve("file"), "not a folder");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> Charts.save(img, blocker.resolve("x.png")));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
    }
}
