package dropout.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Several matrices of one shape side by side, each under its own caption, separated by clear gaps and
 * drawn on one shared grayscale (lo white, hi black) with one colour bar, so that "before" and "after"
 * pictures (activations, then the same activations after dropout) compare cell by cell. When the cells
 * are large enough, each shows its value.
 */
public final class MatrixPanels {
    static final int GAP = 44;
    static final int SIDE = 30;
    static final int TOP = 96;
    static final int BOTTOM = 30;
    static final int BAR_SPACE = 90;
    static final int MAX_WIDTH = 1100;
    static final int MAX_CELL = 48;
    static final int MAX_PANELS = 6;

    private MatrixPanels() {
    }

    /**
     * @param panels caption → matrix, in order (e.g. {@code Named.of("h", h).and("h·m", hm)}); 1 to
     *               {@value #MAX_PANELS} matrices of one shape, finite
     * @param lo     the value drawn white
     * @param hi     the value drawn black, above lo
     */
    public static BufferedImage sideBySide(String title, Map<String, float[][]> panels, double lo, double hi) {
        String m = "MatrixPanels.sideBySide";
        List<Map.Entry<String, float[][]>> list = Check.entries(m, "panels", panels);
        if (list.size() > MAX_PANELS) {
            throw Check.fail(m, list.size() + " panels: at most " + MAX_PANELS + " fit side by side; split them");
        }
        Check.finite(m, "lo", lo);
        Check.finite(m, "hi", hi);
        if (!(lo < hi)) {
            throw Check.fail(m, "lo = " + lo + " and hi = " + hi + ", but lo must be below hi; pass the scale's ends in order");
        }
        int[] shape = null;
        for (Map.Entry<String, float[][]> e : list) {
            int[] s = Check.matrix(m, "panel '" + e.getKey() + "'", e.getValue(), 200);
            if (shape != null && (s[0] != shape[0] || s[1] != shape[1])) {
                throw Check.fail(m, "panel '" + e.getKey() + "' is " + s[0] + " × " + s[1] + " but the first is "
                        + shape[0] + " × " + shape[1] + "; side-by-side panels must have one shape");
            }
            shape = s;
        }
        int rows = shape[0];
        int cols = shape[1];
        int k = list.size();
        int areaW = MAX_WIDTH - 2 * SIDE - BAR_SPACE - (k - 1) * GAP;
        int cell = Math.max(1, Math.min(MAX_CELL, Math.min(areaW / (k * cols), 300 / rows)));
        int panelW = cols * cell;
        int width = Math.max(Charts.WIDTH, 2 * SIDE + k * panelW + (k - 1) * GAP + BAR_SPACE);
        int gh = rows * cell;
        int height = TOP + Math.max(gh, 120) + BOTTOM;
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        Theme.centred(g, Theme.fit(g, Check.text(title), Theme.TITLE, width - 20), Theme.TITLE, Theme.TEXT,
                width / 2.0, 28);
        Theme.centred(g, rows + " × " + cols + " each, one scale: " + Check.num(lo) + " white to " + Check.num(hi)
                + " black", Theme.SUBTITLE, Theme.MUTED, width / 2.0, 50);
        int x0 = (width - BAR_SPACE - (k * panelW + (k - 1) * GAP)) / 2;
        int y0 = TOP + (Math.max(gh, 120) - gh) / 2;
        Font values = new Font(Theme.FAMILY, Font.PLAIN, cell >= 40 ? 12 : 10);
        for (int p = 0; p < k; p++) {
            int px = x0 + p * (panelW + GAP);
            float[][] v = list.get(p).getValue();
            Theme.centred(g, Theme.fit(g, list.get(p).getKey(), Theme.PANEL_TITLE, panelW + GAP - 8),
                    Theme.PANEL_TITLE, Theme.TEXT, px + panelW / 2.0, TOP - 14);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int rgb = Raster.gray(v[r][c], lo, hi);
                    g.setColor(new Color(rgb));
                    g.fillRect(px + c * cell, y0 + r * cell, cell, cell);
                    if (cell >= 30) {
                        Color ink = (rgb & 0xff) < 110 ? Color.WHITE : Theme.TEXT;
                        Theme.centred(g, cellText(v[r][c]), values, ink, px + c * cell + cell / 2.0,
                                y0 + r * cell + cell / 2.0 + 4);
                    }
                }
            }
            Raster.cellLines(g, px, y0, rows, cols, cell);
        }
        int barH = Math.max(gh, 120);
        int bx = x0 + k * panelW + (k - 1) * GAP + 30;
        int by = TOP;
        for (int i = 0; i < barH; i++) {
            double t = 1.0 - (double) i / (barH - 1);
            g.setColor(new Color(Raster.gray(lo + t * (hi - lo), lo, hi)));
            g.fillRect(bx, by + i, 16, 1);
        }
        g.setColor(Theme.FRAME);
        g.drawRect(bx - 1, by - 1, 17, barH + 1);
        g.setFont(Theme.CAPTION);
        g.setColor(Theme.TEXT);
        g.drawString(Check.num(hi), bx + 22, by + 10);
        g.drawString(Check.num(lo), bx + 22, by + barH);
        g.dispose();
        return img;
    }

    /** A cell's value in at most four characters or so: whole numbers as such, others with two decimals. */
    static String cellText(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e4) {
            return Integer.toString((int) v);
        }
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.2f", v);
    }
}
