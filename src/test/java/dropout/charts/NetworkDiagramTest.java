package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class NetworkDiagramTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static int near(BufferedImage img, int x0, int y0, int x1, int y1, int rgb) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = img.getRGB(x, y);
                int dr = Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff));
                int dg = Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff));
                int db = Math.abs((p & 0xff) - (rgb & 0xff));
                if (dr + dg + db < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void namesUnitsAsTheArticlesDo() {
        NetworkDiagram d = NetworkDiagram.sizes(4, 5, 3);
        assertEquals("x1", d.label(0, 0));
        assertEquals("h5", d.label(1, 4));
        assertEquals("o3", d.label(2, 2));
        assertEquals("h2.1", NetworkDiagram.sizes(2, 3, 3, 1).label(2, 0));
    }

    @Test
    void countsTheConnectionsThatSurvive() {
        NetworkDiagram d = NetworkDiagram.sizes(4, 5, 3).drop("h2", "h5");
        assertEquals(4 * 5 + 5 * 3, d.connections(false));
        assertEquals(4 * 3 + 3 * 3, d.connections(true));
        assertEquals(2 * 2 + 2 * 1, NetworkDiagram.sizes(3, 3, 1).drop("x1", "h3").connections(true));
    }

    @Test
    void theThinnedPanelCrossesDroppedUnitsAndRemovesTheirEdges() {
        NetworkDiagram d = NetworkDiagram.sizes(4, 5, 3).drop("h2", "h5");
        BufferedImage img = d.fullVsThinned("full vs thinned");
        assertEquals(2 * NetworkDiagram.PANEL_W, img.getWidth());
        assertEquals(NetworkDiagram.TOP + NetworkDiagram.PANEL_H, img.getHeight());
        int w = NetworkDiagram.PANEL_W;
        int h = img.getHeight();
        int edge = NetworkDiagram.EDGE.getRGB() & 0xffffff;
        int leftEdges = near(img, 0, NetworkDiagram.TOP, w, h, edge);
        int rightEdges = near(img, w, NetworkDiagram.TOP, 2 * w, h, edge);
        assertTrue(rightEdges < leftEdges * 0.8, "21 of 35 connections: " + rightEdges + " vs " + leftEdges);
        int red = NetworkDiagram.DROPPED.getRGB() & 0xffffff;
        assertEquals(0, near(img, 0, NetworkDiagram.TOP, w, h, red), "nothing crossed out in the full network");
        assertTrue(near(img, w, NetworkDiagram.TOP, 2 * w, h, red) > 40, "two crosses in the thinned one");
        // the dropped unit h2 is white at its centre on the right and filled on the left
        double[] c = d.centre(1, 1, 0, NetworkDiagram.TOP, w, NetworkDiagram.PANEL_H - 34, 17);
        int left = img.getRGB((int) c[0] - 9, (int) c[1] - 1) & 0xffffff;
        int right = img.getRGB((int) c[0] - 9 + w, (int) c[1] - 1) & 0xffffff;
        assertTrue(left != 0xffffff, "filled in the full network");
        assertEquals(0xffffff, right, "hollow when dropped");
        assertArrayEquals(img.getRGB(0, 0, 100, 100, null, 0, 100),
                d.fullVsThinned("full vs thinned").getRGB(0, 0, 100, 100, null, 0, 100), "deterministic");
    }

    @Test
    void allThinnedDrawsOneTilePerMask() {
        BufferedImage img = NetworkDiagram.sizes(4, 5, 3).allThinned("32", 8);
        assertEquals(Math.max(700, 40 + 8 * NetworkDiagram.TILE_W), img.getWidth());
        assertEquals(80 + 4 * NetworkDiagram.TILE_H + 12, img.getHeight());
        BufferedImage two = NetworkDiagram.sizes(2, 1, 1).allThinned("2", 8);
        assertEquals(80 + NetworkDiagram.TILE_H + 12, two.getHeight(), "2 masks: one row");
    }

    @Test
    void rejectsBadInputNamingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkDiagram.sizes(4, 5, 3).drop("h7"));
        assertTrue(e.getMessage().contains("'h7' is not a unit of this 4-5-3 network"), e.getMessage());
        assertTrue(e.getMessage().contains("h1..h5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.sizes(4));
        e = assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.sizes(4, 0, 3));
        assertTrue(e.getMessage().contains("1 to 12 units"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.sizes(4, 7, 3).allThinned("t", 8));
        assertTrue(e.getMessage().contains("2^7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.sizes(4, 5, 3).allThinned("t", 0));
    }
}
