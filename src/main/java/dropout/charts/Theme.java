package dropout.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Fonts, colours and strokes shared by every chart, so all pictures in a notebook look alike. */
final class Theme {
    private Theme() {
    }

    /** matplotlib's "tab10" colours: familiar from d2l's figures and distinct on white. */
    static final List<Color> PALETTE = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    static final Color GRID = new Color(0xe3e3e3);
    static final Color FRAME = new Color(0xb0b0b0);
    static final Color CELL_LINE = new Color(0xc8c8c8);
    /** A kept mask cell; near-black so it reads as "on" next to white "off". */
    static final Color KEPT = new Color(0x2b2b2b);

    static final String FAMILY = Font.SANS_SERIF;
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 17);
    static final Font PANEL_TITLE = new Font(FAMILY, Font.BOLD, 15);
    static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 13);
    static final Font AXIS = new Font(FAMILY, Font.PLAIN, 14);
    static final Font TICKS = new Font(FAMILY, Font.PLAIN, 12);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 13);
    static final Font CAPTION = new Font(FAMILY, Font.PLAIN, 12);

    static final float LINE_WIDTH = 2.2f;
    static final BasicStroke SOLID = new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);
    static final BasicStroke THIN_DASHED = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {5f, 4f}, 0f);

    static Color color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A white RGB canvas. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** Graphics with antialiased shapes and text (deterministic: no LCD subpixel text). */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Draws text centred on x with its baseline at y. */
    static void centred(Graphics2D g, String s, Font font, Color color, double x, double y) {
        g.setFont(font);
        g.setColor(color);
        float w = (float) g.getFontMetrics().getStringBounds(s, g).getWidth();
        g.drawString(s, (float) (x - w / 2), (float) y);
    }

    static double width(Graphics2D g, String s, Font font) {
        return g.getFontMetrics(font).getStringBounds(s, g).getWidth();
    }

    /** s, shortened with an ellipsis until it fits maxWidth. */
    static String fit(Graphics2D g, String s, Font font, double maxWidth) {
        if (width(g, s, font) <= maxWidth) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String t = s.substring(0, n) + "\u2026";
            if (width(g, t, font) <= maxWidth) {
                return t;
            }
        }
        return "\u2026";
    }
}
