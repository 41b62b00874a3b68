package dropout.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Many dropout masks, one per row (say one per image of a batch), as a labelled strip: rows are drawn
 * taller than the columns are wide when there are few rows and many columns, so a 16 × 256 batch of
 * masks reads as 16 bands. Dark = kept (non-zero), white = dropped (0). Rows and columns are numbered
 * from 1 on the axes.
 */
public final class MaskStrip {
    static final int LEFT = 86;
    static final int RIGHT = 30;
    static final int TOP = 72;
    static final int BOTTOM = 92;
    /** Largest grid height, px. */
    static final int GRID_HEIGHT = 300;

    private MaskStrip() {
    }

    /**
     * @param mask       rectangular, at most {@value Charts#MAX_MATRIX_SIDE} per side, finite
     * @param rowAxis    what a row is, e.g. "image"
     * @param columnAxis what a column is, e.g. "hidden unit"
     */
    public static BufferedImage of(String title, float[][] mask, String rowAxis, String columnAxis) {
        String m = "MaskStrip.of";
        Check.matrix(m, "mask", mask, Charts.MAX_MATRIX_SIDE);
        title = Check.text(title);
        rowAxis = Check.text(rowAxis);
        columnAxis = Check.text(columnAxis);
        int rows = mask.length;
        int cols = mask[0].length;
        int cellW = Math.max(1, Math.min(40, (Charts.PANELS_WIDTH - LEFT - RIGHT) / cols));
        int cellH = Math.max(cellW, Math.max(1, Math.min(40, GRID_HEIGHT / rows)));
        int gw = cols * cellW;
        int gh = rows * cellH;
        int width = Math.max(Charts.WIDTH, LEFT + gw + RIGHT);
        int height = TOP + gh + BOTTOM;
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        Theme.centred(g, Theme.fit(g, title, Theme.TITLE, width - 20), Theme.TITLE, Theme.TEXT, width / 2.0, 28);
        String sub = Raster.maskSummary(mask);
        Theme.centred(g, Theme.fit(g, sub, Theme.SUBTITLE, width - 20), Theme.SUBTITLE, Theme.MUTED, width / 2.0, 50);

        int x0 = LEFT + (width - LEFT - RIGHT - gw) / 2;
        int y0 = TOP;
        int keptRgb = Theme.KEPT.getRGB();
        int white = Color.WHITE.getRGB();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = mask[r][c] != 0f ? keptRgb : white;
                for (int dy = 0; dy < cellH; dy++) {
                    for (int dx = 0; dx < cellW; dx++) {
                        img.setRGB(x0 + c * cellW + dx, y0 + r * cellH + dy, rgb);
                    }
                }
            }
        }
        g.setColor(Theme.FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0 - 1, y0 - 1, gw + 1, gh + 1);

        // row numbers (every row when they fit, else every k-th), column ticks at 1 and round steps
        int rowStep = Math.max(1, (int) Math.ceil(14.0 / cellH));
        for (int r = 0; r < rows; r += rowStep) {
            String s = Integer.toString(r + 1);
            g.setFont(Theme.TICKS);
            g.setColor(Theme.MUTED);
            g.drawString(s, (float) (x0 - 8 - Theme.width(g, s, Theme.TICKS)), y0 + r * cellH + cellH / 2f + 5);
        }
        int colStep = step(cols, gw);
        for (int c = 0; c <= cols; c += colStep) {
            int unit = Math.max(1, c);
            double x = x0 + (unit - 0.5) * cellW;
            g.setColor(Theme.FRAME);
            g.drawLine((int) x, y0 + gh + 1, (int) x, y0 + gh + 6);
            Theme.centred(g, Integer.toString(unit), Theme.TICKS, Theme.MUTED, x, y0 + gh + 21);
        }
        Theme.centred(g, columnAxis, Theme.AXIS, Theme.TEXT, x0 + gw / 2.0, y0 + gh + 44);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        Theme.centred(g, rowAxis, Theme.AXIS, Theme.TEXT, -(y0 + gh / 2.0), x0 - 44);
        g.setTransform(saved);

        int ky = height - 16;
        String keptLabel = "kept (non-zero)";
        String dropLabel = "dropped (0)";
        double keyW = 20 + Theme.width(g, keptLabel, Theme.CAPTION) + 28 + 20 + Theme.width(g, dropLabel, Theme.CAPTION);
        int kx = (int) Math.round((width - keyW) / 2);
        swatch(g, kx, ky - 11, Theme.KEPT);
        caption(g, keptLabel, kx + 20, ky);
        kx += (int) Math.round(20 + Theme.width(g, keptLabel, Theme.CAPTION) + 28);
        swatch(g, kx, ky - 11, Color.WHITE);
        caption(g, dropLabel, kx + 20, ky);
        g.dispose();
        return img;
    }

    /** The top-left pixel of cell (row, col) in a picture of a rows x cols mask: {x, y}. */
    static int[] cellOrigin(int rows, int cols, int row, int col) {
        int cellW = Math.max(1, Math.min(40, (Charts.PANELS_WIDTH - LEFT - RIGHT) / cols));
        int cellH = Math.max(cellW, Math.max(1, Math.min(40, GRID_HEIGHT / rows)));
        int width = Math.max(Charts.WIDTH, LEFT + cols * cellW + RIGHT);
        int x0 = LEFT + (width - LEFT - RIGHT - cols * cellW) / 2;
        return new int[] {x0 + col * cellW, TOP + row * cellH, cellW, cellH};
    }

    /** A round tick step (1, 2, 4, 8, ... or 5, 10, 25, 50, ...) giving labels at least 80 px apart. */
    static int step(int cols, int gridWidth) {
        int[] candidates = {1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 200, 250, 256, 500, 512, 1000};
        for (int s : candidates) {
            if ((double) gridWidth * s / cols >= 80) {
                return Math.min(s, cols);
            }
        }
        return cols;
    }

    private static void swatch(Graphics2D g, int x, int y, Color fill) {
        g.setColor(fill);
        g.fillRect(x, y, 14, 14);
        g.setColor(Theme.FRAME);
        g.drawRect(x, y, 14, 14);
    }

    private static void caption(Graphics2D g, String s, int x, int y) {
        g.setFont(Theme.CAPTION);
        g.setColor(Theme.MUTED);
        g.drawString(s, x, y);
    }
}
