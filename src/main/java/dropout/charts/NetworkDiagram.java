package dropout.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fully connected network drawn as circles and lines (Java2D, offline), with some units dropped:
 * the picture of Srivastava et al.'s figure 1, a full network beside the thinned one dropout samples.
 * Units are named as the articles draw them: inputs x1, x2, …, hidden units h1, h2, … (h1.1, h2.1, …
 * with several hidden layers), outputs o1, o2, …
 * <pre>{@code NetworkDiagram.sizes(4, 5, 3).drop("h2", "h5").fullVsThinned("…")}</pre>
 */
public final class NetworkDiagram {
    /** Most units a layer can have and still be drawn legibly. */
    public static final int MAX_UNITS = 12;
    /** Most hidden units {@link #allThinned} enumerates (2⁶ = 64 tiles). */
    public static final int MAX_ENUMERATED = 6;

    static final int PANEL_W = 500;
    static final int PANEL_H = 380;
    static final int TOP = 96;
    static final int TILE_W = 120;
    static final int TILE_H = 104;

    static final Color EDGE = new Color(0x8fa3bf);
    static final Color DROPPED = new Color(0xd62728);
    private static final List<Color> LAYER_FILL = List.of(new Color(0xc6dbef), new Color(0xfdd0a2),
            new Color(0xc7e9c0));

    private final int[] sizes;
    private final boolean[][] dropped;

    private NetworkDiagram(int[] sizes, boolean[][] dropped) {
        this.sizes = sizes;
        this.dropped = dropped;
    }

    /** Layer sizes from the input to the output, e.g. {@code sizes(4, 5, 3)}. */
    public static NetworkDiagram sizes(int... sizes) {
        if (sizes == null || sizes.length < 2 || sizes.length > 6) {
            throw fail("sizes", "got " + (sizes == null ? "null" : Arrays.toString(sizes))
                    + ": give 2 to 6 layer sizes from input to output, e.g. sizes(4, 5, 3)");
        }
        for (int s : sizes) {
            if (s < 1 || s > MAX_UNITS) {
                throw fail("sizes", Arrays.toString(sizes) + " has a layer of " + s
                        + " units: every layer needs 1 to " + MAX_UNITS + " units to be drawn legibly");
            }
        }
        boolean[][] d = new boolean[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            d[l] = new boolean[sizes[l]];
        }
        return new NetworkDiagram(sizes.clone(), d);
    }

    /** The same network with these units dropped as well, by name ("h2", "x3"). */
    public NetworkDiagram drop(String... units) {
        boolean[][] d = copy(dropped);
        for (String u : units) {
            int[] at = find(u);
            d[at[0]][at[1]] = true;
        }
        return new NetworkDiagram(sizes, d);
    }

    /** The name of unit {@code unit} (from 0) of layer {@code layer} (0 = input). */
    public String label(int layer, int unit) {
        int n = unit + 1;
        if (layer == 0) {
            return "x" + n;
        }
        if (layer == sizes.length - 1) {
            return "o" + n;
        }
        return sizes.length == 3 ? "h" + n : "h" + layer + "." + n;
    }

    /** How many connections (weights) join units that are both kept. */
    public int connections(boolean thinned) {
        int total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            total += kept(l, thinned) * kept(l + 1, thinned);
        }
        return total;
    }

    private int kept(int layer, boolean thinned) {
        int k = 0;
        for (boolean d : dropped[layer]) {
            if (!thinned || !d) {
                k++;
            }
        }
        return k;
    }

    /**
     * Two panels: the full network, and the thinned one with the dropped units crossed out and their
     * incoming and outgoing connections removed; each panel's subtitle counts its connections.
     */
    public BufferedImage fullVsThinned(String title) {
        int width = 2 * PANEL_W;
        int height = TOP + PANEL_H;
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        Theme.centred(g, Theme.fit(g, Check.text(title), Theme.TITLE, width - 20), Theme.TITLE, Theme.TEXT,
                width / 2.0, 28);
        String gone = droppedNames();
        String[] heads = {"full network", gone.isEmpty() ? "thinned: nothing dropped" : "thinned: " + gone + " dropped"};
        for (int p = 0; p < 2; p++) {
            boolean thinned = p == 1;
            double cx = PANEL_W * (p + 0.5);
            Theme.centred(g, heads[p], Theme.PANEL_TITLE, Theme.TEXT, cx, 64);
            Theme.centred(g, connections(thinned) + " connections in use", Theme.SUBTITLE, Theme.MUTED, cx, 84);
            draw(g, p * PANEL_W, TOP, PANEL_W, PANEL_H - 34, thinned ? dropped : none(), 17, true);
        }
        g.setColor(Theme.GRID);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(PANEL_W, 50, PANEL_W, height - 16));
        g.dispose();
        return img;
    }

    /**
     * Every thinned network dropout can sample from the hidden units (2ⁿ of them for n hidden units, at
     * most {@value #MAX_ENUMERATED}), as small tiles captioned with the hidden units each keeps. The
     * networks differ only in which units take part; they all share one set of weights.
     */
    public BufferedImage allThinned(String title, int columns) {
        if (columns < 1) {
            throw fail("allThinned", "columns = " + columns + ", but it must be at least 1; pass how many tiles per row, e.g. 8");
        }
        List<int[]> hidden = new ArrayList<>();
        for (int l = 1; l + 1 < sizes.length; l++) {
            for (int u = 0; u < sizes[l]; u++) {
                hidden.add(new int[] {l, u});
            }
        }
        if (hidden.isEmpty() || hidden.size() > MAX_ENUMERATED) {
            throw fail("allThinned", "the network has " + hidden.size() + " hidden units, so 2^" + hidden.size()
                    + " thinned networks: draw a network with 1 to " + MAX_ENUMERATED + " hidden units, e.g. sizes(4, 5, 3)");
        }
        int n = hidden.size();
        int count = 1 << n;
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        int width = Math.max(40 + cols * TILE_W, 700);
        int height = 80 + rows * TILE_H + 12;
        BufferedImage img = Theme.canvas(width, height);
        Graphics2D g = Theme.graphics(img);
        Theme.centred(g, Theme.fit(g, Check.text(title), Theme.TITLE, width - 20), Theme.TITLE, Theme.TEXT,
                width / 2.0, 28);
        Theme.centred(g, "2" + superscript(n) + " = " + count + " thinned networks sharing one set of weights; each caption lists the units it keeps", Theme.SUBTITLE,
                Theme.MUTED, width / 2.0, 50);
        int x0 = (width - cols * TILE_W) / 2;
        Font caption = new Font(Theme.FAMILY, Font.PLAIN, 11);
        for (int k = 0; k < count; k++) {
            boolean[][] d = none();
            List<String> keptNames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] at = hidden.get(i);
                boolean keep = (k >>> (n - 1 - i) & 1) == 1;
                d[at[0]][at[1]] = !keep;
                if (keep) {
                    keptNames.add(label(at[0], at[1]));
                }
            }
            int tx = x0 + (k % cols) * TILE_W;
            int ty = 70 + (k / cols) * TILE_H;
            draw(g, tx, ty, TILE_W, TILE_H - 22, d, 4.5, false);
            String cap = "kept: " + (keptNames.isEmpty() ? "none" : keptNames.size() == n ? "all" : String.join(" ", keptNames));
            Theme.centred(g, Theme.fit(g, cap, caption, TILE_W - 6), caption, Theme.MUTED, tx + TILE_W / 2.0,
                    ty + TILE_H - 8);
        }
        g.dispose();
        return img;
    }

    /** A small count as superscript digits, 5 -> "⁵". */
    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }

    /** Unit centres: {x, y} of unit u of layer l in a w × h box at (x0, y0). */
    double[] centre(int l, int u, int x0, int y0, int w, int h, double r) {
        double x = x0 + w * (l + 0.5) / sizes.length;
        int most = Arrays.stream(sizes).max().orElse(1);
        double spacing = Math.min((h - 2 * r - 8) / Math.max(1, most - 1), 4.2 * r);
        double y = y0 + h / 2.0 + (u - (sizes[l] - 1) / 2.0) * spacing;
        return new double[] {x, y};
    }

    private void draw(Graphics2D g, int x0, int y0, int w, int h, boolean[][] d, double r, boolean labels) {
        g.setStroke(new BasicStroke(r > 8 ? 1.3f : 0.8f));
        g.setColor(EDGE);
        for (int l = 0; l + 1 < sizes.length; l++) {
            for (int a = 0; a < sizes[l]; a++) {
                for (int b = 0; b < sizes[l + 1]; b++) {
                    if (!d[l][a] && !d[l + 1][b]) {
                        double[] p = centre(l, a, x0, y0, w, h, r);
                        double[] q = centre(l + 1, b, x0, y0, w, h, r);
                        g.draw(new Line2D.Double(p[0] + r, p[1], q[0] - r, q[1]));
                    }
                }
            }
        }
        Font f = new Font(Theme.FAMILY, Font.PLAIN, 12);
        for (int l = 0; l < sizes.length; l++) {
            Color fill = LAYER_FILL.get(l == 0 ? 0 : l == sizes.length - 1 ? 2 : 1);
            for (int u = 0; u < sizes[l]; u++) {
                double[] c = centre(l, u, x0, y0, w, h, r);
                Ellipse2D e = new Ellipse2D.Double(c[0] - r, c[1] - r, 2 * r, 2 * r);
                if (d[l][u]) {
                    g.setColor(Color.WHITE);
                    g.fill(e);
                    g.setColor(Theme.FRAME);
                    g.setStroke(Theme.THIN_DASHED);
                    g.draw(e);
                    g.setColor(DROPPED);
                    g.setStroke(new BasicStroke(r > 8 ? 2.2f : 1.2f));
                    double k = r * 0.75;
                    g.draw(new Line2D.Double(c[0] - k, c[1] - k, c[0] + k, c[1] + k));
                    g.draw(new Line2D.Double(c[0] - k, c[1] + k, c[0] + k, c[1] - k));
                } else {
                    g.setColor(fill);
                    g.fill(e);
                    g.setColor(Theme.TEXT);
                    g.setStroke(new BasicStroke(r > 8 ? 1.4f : 0.8f));
                    g.draw(e);
                }
                if (labels && d[l][u]) {
                    g.setFont(f);
                    g.setColor(Theme.MUTED);
                    g.drawString(label(l, u), (float) (c[0] + r + 5), (float) (c[1] + 4));
                } else if (labels) {
                    Theme.centred(g, label(l, u), f, Theme.TEXT, c[0], c[1] + 4);
                }
            }
            if (labels) {
                String name = l == 0 ? "input" : l == sizes.length - 1 ? "output" : sizes.length == 3 ? "hidden"
                        : "hidden " + l;
                Theme.centred(g, name, Theme.CAPTION, Theme.MUTED, x0 + w * (l + 0.5) / sizes.length, y0 + h + 24);
            }
        }
    }

    private String droppedNames() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            for (int u = 0; u < sizes[l]; u++) {
                if (dropped[l][u]) {
                    names.add(label(l, u));
                }
            }
        }
        return String.join(", ", names);
    }

    private int[] find(String name) {
        for (int l = 0; l < sizes.length; l++) {
            for (int u = 0; u < sizes[l]; u++) {
                if (label(l, u).equals(name)) {
                    return new int[] {l, u};
                }
            }
        }
        throw fail("drop", "'" + name + "' is not a unit of this " + shape() + " network: its units are "
                + range(0) + (sizes.length == 3 ? ", " + range(1) : ", hidden units h1.1, h1.2, …") + ", "
                + range(sizes.length - 1));
    }

    private String range(int l) {
        return label(l, 0) + ".." + label(l, sizes[l] - 1);
    }

    private String shape() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return s.toString();
    }

    private boolean[][] none() {
        boolean[][] d = new boolean[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            d[l] = new boolean[sizes[l]];
        }
        return d;
    }

    private static IllegalArgumentException fail(String method, String message) {
        return new IllegalArgumentException("NetworkDiagram." + method + ": " + message);
    }

    private static boolean[][] copy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
