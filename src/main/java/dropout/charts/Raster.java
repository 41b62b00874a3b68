package dropout.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pictures XChart has no good chart for, drawn with plain Graphics2D: dropout masks, grayscale
 * matrices, image grids, and the two-panel training-curves figure with its shared legend.
 * All use one convention: darker means a larger value, white means zero / dropped.
 */
final class Raster {
    private Raster() {
    }

    // ---- masks and matrices -------------------------------------------------------------------

    static final int MAT_TOP = 72;
    static final int MAT_BOTTOM = 46;
    static final int MAT_SIDE = 44;
    static final int COLOUR_BAR_SPACE = 100;
    static final int MAX_CELL = 40;

    /** Smallest canvas height of a mask or matrix picture, px. */
    static final int MIN_HEIGHT = 200;

    /**
     * Cell size and canvas size for a rows x cols grid: {cell, canvasWidth, canvasHeight}. The canvas is
     * {@link Charts#WIDTH} wide and only as tall as the grid needs (at most {@link Charts#HEIGHT}); a wide
     * strip whose cells would be under 4 px may widen the canvas up to {@link Charts#PANELS_WIDTH}.
     */
    static int[] matrixLayout(int rows, int cols, boolean colourBar) {
        int extraRight = colourBar ? COLOUR_BAR_SPACE : 0;
        int areaW = Charts.WIDTH - 2 * MAT_SIDE - extraRight;
        int areaH = Charts.HEIGHT - MAT_TOP - MAT_BOTTOM;
        int cell = Math.min(MAX_CELL, Math.min(areaW / cols, areaH / rows));
        if (cell >= 1) {
            int width = Charts.WIDTH;
            int wideCell = Math.min(MAX_CELL, Math.min((Charts.PANELS_WIDTH - 2 * MAT_SIDE - extraRight) / cols,
                    areaH / rows));
            if (cell < 4 && wideCell > cell) {
                cell = wideCell;
                width = Math.max(Charts.WIDTH, cols * cell + 2 * MAT_SIDE + extraRight);
            }
            int gh = Math.max(rows * cell, colourBar ? 120 : 0);
            int height = Math.min(Charts.HEIGHT, Math.max(MIN_HEIGHT, MAT_TOP + gh + MAT_BOTTOM + 24));
            return new int[] {cell, width, height};
        }
        cell = 1;
        int w = Math.max(Charts.WIDTH, cols + 2 * MAT_SIDE + extraRight);
        int h = Math.max(Charts.HEIGHT, rows + MAT_TOP + MAT_BOTTOM);
        return new int[] {cell, w, h};
    }

    static BufferedImage mask(String title, float[][] mask) {
        int rows = mask.length;
        int cols = mask[0].length;
        int[] layout = matrixLayout(rows, cols, false);
        int cell = layout[0];
        int width = layout[1];
        int height = layout[2];
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        header(g, title, maskSummary(mask), width);

        int gw = cols * cell;
        int gh = rows * cell;
        int x0 = (width - gw) / 2;
        int y0 = MAT_TOP + (height - MAT_TOP - MAT_BOTTOM - gh) / 2;
        int kept0 = Theme.KEPT.getRGB();
        int white = Color.WHITE.getRGB();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                fillCell(img, x0 + c * cell, y0 + r * cell, cell, mask[r][c] != 0f ? kept0 : white);
            }
        }
        cellLines(g, x0, y0, rows, cols, cell);
        indices(g, x0, y0, rows, cols, cell);

        // key: a dark and a white swatch
        int ky = height - 18;
        String keptLabel = "kept (non-zero)";
        String dropLabel = "dropped (0)";
        double keyW = 14 + 6 + Theme.width(g, keptLabel, Theme.CAPTION) + 28 + 14 + 6
                + Theme.width(g, dropLabel, Theme.CAPTION);
        int kx = (int) Math.round((width - keyW) / 2);
        swatch(g, kx, ky - 11, Theme.KEPT);
        text(g, keptLabel, Theme.CAPTION, Theme.MUTED, kx + 20, ky);
        kx += (int) Math.round(20 + Theme.width(g, keptLabel, Theme.CAPTION) + 28);
        swatch(g, kx, ky - 11, Color.WHITE);
        text(g, dropLabel, Theme.CAPTION, Theme.MUTED, kx + 20, ky);
        g.dispose();
        return img;
    }

    static BufferedImage matrix(String title, float[][] values, double lo, double hi, boolean fixedRange) {
        int rows = values.length;
        int cols = values[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!fixedRange) {
            lo = min;
            hi = max;
        }
        int[] layout = matrixLayout(rows, cols, true);
        int cell = layout[0];
        int width = layout[1];
        int height = layout[2];
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        String sub = String.format(Locale.ROOT, "%d \u00d7 %d, min %s, max %s%s", rows, cols, Check.num(min),
                Check.num(max), fixedRange ? String.format(Locale.ROOT, " (scale %s to %s)", Check.num(lo),
                        Check.num(hi)) : "");
        header(g, title, sub, width);

        int gw = cols * cell;
        int gh = rows * cell;
        int x0 = (width - COLOUR_BAR_SPACE - gw) / 2;
        int y0 = MAT_TOP + (height - MAT_TOP - MAT_BOTTOM - gh) / 2;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                fillCell(img, x0 + c * cell, y0 + r * cell, cell, gray(values[r][c], lo, hi));
            }
        }
        cellLines(g, x0, y0, rows, cols, cell);
        indices(g, x0, y0, rows, cols, cell);

        // colour bar: max (dark) at the top, min (white) at the bottom
        int barH = Math.max(gh, 120);
        int barW = 16;
        int bx = x0 + gw + 28;
        int by = y0 + (gh - barH) / 2;
        for (int i = 0; i < barH; i++) {
            double t = 1.0 - (double) i / (barH - 1);
            int rgb = gray(lo + t * (hi - lo), lo, hi);
            for (int j = 0; j < barW; j++) {
                img.setRGB(bx + j, by + i, rgb);
            }
        }
        g.setColor(Theme.FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(bx - 1, by - 1, barW + 1, barH + 1);
        Font f = Theme.CAPTION;
        int tx = bx + barW + 6;
        text(g, Check.num(hi), f, Theme.TEXT, tx, by + 10);
        text(g, Check.num((lo + hi) / 2), f, Theme.MUTED, tx, by + barH / 2 + 5);
        text(g, Check.num(lo), f, Theme.TEXT, tx, by + barH);
        g.dispose();
        return img;
    }

    /** Darker = larger: lo maps to white, hi to black; a constant matrix (lo == hi) is mid-gray. */
    static int gray(double v, double lo, double hi) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        t = Math.max(0, Math.min(1, t));
        int level = (int) Math.round(255 * (1 - t));
        return (level << 16) | (level << 8) | level;
    }

    private static void fillCell(BufferedImage img, int x, int y, int size, int rgb) {
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                img.setRGB(x + j, y + i, rgb);
            }
        }
    }

    /** "rows × cols: kept k of n (x%), dropped d" for a 0/1 mask. */
    static String maskSummary(float[][] mask) {
        int rows = mask.length;
        int cols = mask[0].length;
        int kept = 0;
        for (float[] row : mask) {
            for (float v : row) {
                if (v != 0f) {
                    kept++;
                }
            }
        }
        int total = rows * cols;
        return String.format(Locale.ROOT, "%d \u00d7 %d: kept %d of %d (%.1f%%), dropped %d",
                rows, cols, kept, total, 100.0 * kept / total, total - kept);
    }

    static void cellLines(Graphics2D g, int x0, int y0, int rows, int cols, int cell) {
        g.setStroke(new BasicStroke(1f));
        int gw = cols * cell;
        int gh = rows * cell;
        if (cell >= 6) {
            g.setColor(Theme.CELL_LINE);
            for (int r = 1; r < rows; r++) {
                g.drawLine(x0, y0 + r * cell, x0 + gw - 1, y0 + r * cell);
            }
            for (int c = 1; c < cols; c++) {
                g.drawLine(x0 + c * cell, y0, x0 + c * cell, y0 + gh - 1);
            }
        }
        g.setColor(Theme.FRAME);
        g.drawRect(x0 - 1, y0 - 1, gw + 1, gh + 1);
    }

    /** Row numbers on the left, column numbers on top, when cells are large enough to label. */
    private static void indices(Graphics2D g, int x0, int y0, int rows, int cols, int cell) {
        if (cell < 16) {
            return;
        }
        Font f = new Font(Theme.FAMILY, Font.PLAIN, 11);
        for (int r = 0; r < rows; r++) {
            String s = Integer.toString(r);
            double w = Theme.width(g, s, f);
            text(g, s, f, Theme.MUTED, (float) (x0 - 6 - w), y0 + r * cell + cell / 2f + 4);
        }
        for (int c = 0; c < cols; c++) {
            Theme.centred(g, Integer.toString(c), f, Theme.MUTED, x0 + c * cell + cell / 2.0, y0 - 6);
        }
    }

    private static void swatch(Graphics2D g, int x, int y, Color fill) {
        g.setColor(fill);
        g.fillRect(x, y, 14, 14);
        g.setColor(Theme.FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, 14, 14);
    }

    private static void text(Graphics2D g, String s, Font f, Color c, float x, float y) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, x, y);
    }

    /** Title (bold) and a muted subtitle, centred. */
    private static void header(Graphics2D g, String title, String subtitle, int width) {
        Theme.centred(g, Theme.fit(g, title, Theme.TITLE, width - 20), Theme.TITLE, Theme.TEXT, width / 2.0, 28);
        Theme.centred(g, Theme.fit(g, subtitle, Theme.SUBTITLE, width - 20), Theme.SUBTITLE, Theme.MUTED,
                width / 2.0, 50);
    }

    // ---- image grid ---------------------------------------------------------------------------

    static final int GRID_MARGIN = 16;
    static final int GRID_GAP = 14;
    static final int GRID_TITLE = 40;
    static final int GRID_CAPTION = 20;
    static final int TILE_TARGET = 84;

    /** Integer scale so a tile's longer side is about 84 px (3 for 28 x 28), between 1 and 8. */
    static int gridScale(int width, int height) {
        return Math.max(1, Math.min(8, (int) Math.round((double) TILE_TARGET / Math.max(width, height))));
    }

    static BufferedImage imageGrid(String title, List<float[]> images, int w, int h, List<String> captions,
                                   int columns) {
        int n = images.size();
        int cols = Math.min(columns, n);
        int rowsOfTiles = (n + cols - 1) / cols;
        int scale = gridScale(w, h);
        int tw = w * scale;
        int th = h * scale;
        int capH = captions == null ? 0 : GRID_CAPTION;
        int titleH = title.isEmpty() ? 0 : GRID_TITLE;
        BufferedImage probe = Theme.canvas(1, 1);
        Graphics2D pg = Theme.graphics(probe);
        int titleW = title.isEmpty() ? 0 : (int) Math.ceil(Theme.width(pg, title, Theme.TITLE));
        double widestCaption = 0;
        if (captions != null) {
            for (String c : captions) {
                widestCaption = Math.max(widestCaption, Theme.width(pg, c, Theme.CAPTION));
            }
        }
        pg.dispose();
        // a column is as wide as its tile, or its widest caption, up to twice the tile
        int colW = Math.max(tw, Math.min(2 * tw, (int) Math.ceil(widestCaption) + 4));
        int gridW = cols * colW + (cols - 1) * GRID_GAP;
        int gridH = rowsOfTiles * (th + capH) + (rowsOfTiles - 1) * GRID_GAP;
        int width = Math.max(gridW, titleW + 24) + 2 * GRID_MARGIN;
        int height = titleH + GRID_MARGIN + gridH + GRID_MARGIN;

        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        if (!title.isEmpty()) {
            Theme.centred(g, title, Theme.TITLE, Theme.TEXT, width / 2.0, 28);
        }
        int gx = (width - gridW) / 2;
        int gy = titleH + GRID_MARGIN;
        g.setStroke(new BasicStroke(1f));
        for (int k = 0; k < n; k++) {
            int x = gx + (k % cols) * (colW + GRID_GAP) + (colW - tw) / 2;
            int y = gy + (k / cols) * (th + capH + GRID_GAP);
            float[] im = images.get(k);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double v = im[r * w + c];
                    int rgb = gray(v, 0, 1);
                    for (int i = 0; i < scale; i++) {
                        for (int j = 0; j < scale; j++) {
                            img.setRGB(x + c * scale + j, y + r * scale + i, rgb);
                        }
                    }
                }
            }
            g.setColor(Theme.CELL_LINE);
            g.drawRect(x - 1, y - 1, tw + 1, th + 1);
            if (captions != null) {
                String cap = Theme.fit(g, captions.get(k), Theme.CAPTION, colW + GRID_GAP - 4);
                Theme.centred(g, cap, Theme.CAPTION, Theme.TEXT, x + tw / 2.0, y + th + 15);
            }
        }
        g.dispose();
        return img;
    }

    // ---- two panels with a shared legend ------------------------------------------------------

    /** One legend entry: a short line in a colour and stroke, then a label. */
    record Key(Color color, BasicStroke stroke, String label) {
    }

    static final int KEY_LINE = 30;
    static final int KEY_ROW = 24;

    /** Splits keys into centred rows no wider than maxWidth. */
    static List<List<Key>> keyRows(List<Key> keys, int maxWidth) {
        BufferedImage probe = Theme.canvas(1, 1);
        Graphics2D g = Theme.graphics(probe);
        List<List<Key>> rows = new ArrayList<>();
        List<Key> row = new ArrayList<>();
        double used = 0;
        for (Key k : keys) {
            double w = keyWidth(g, k);
            if (!row.isEmpty() && used + w > maxWidth) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(k);
            used += w;
        }
        rows.add(row);
        g.dispose();
        return rows;
    }

    private static double keyWidth(Graphics2D g, Key k) {
        return KEY_LINE + 6 + Theme.width(g, k.label(), Theme.LEGEND) + 22;
    }

    /** Title on top, panels side by side, legend rows at the bottom. */
    static BufferedImage composePanels(int width, int height, String title, int titleH, List<BufferedImage> panels,
                                       List<List<Key>> keyRows) {
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        if (titleH > 0) {
            Theme.centred(g, Theme.fit(g, title, Theme.TITLE, width - 20), Theme.TITLE, Theme.TEXT, width / 2.0, 28);
        }
        int x = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, x, titleH, null);
            x += p.getWidth();
        }
        int legendTop = height - keyRows.size() * KEY_ROW - 8;
        g.setColor(Theme.GRID);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(40, legendTop - 4, width - 40, legendTop - 4);
        for (int r = 0; r < keyRows.size(); r++) {
            List<Key> row = keyRows.get(r);
            double rowW = 0;
            for (Key k : row) {
                rowW += keyWidth(g, k);
            }
            rowW -= 22;
            double kx = (width - rowW) / 2;
            double cy = legendTop + r * KEY_ROW + KEY_ROW / 2.0;
            for (Key k : row) {
                g.setColor(k.color());
                g.setStroke(k.stroke());
                g.draw(new Line2D.Double(kx, cy, kx + KEY_LINE, cy));
                g.setFont(Theme.LEGEND);
                g.setColor(Theme.TEXT);
                Rectangle2D b = g.getFontMetrics().getStringBounds(k.label(), g);
                g.drawString(k.label(), (float) (kx + KEY_LINE + 6), (float) (cy - b.getCenterY()));
                kx += keyWidth(g, k);
            }
        }
        g.dispose();
        return img;
    }
}
