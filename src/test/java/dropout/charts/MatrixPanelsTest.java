package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixPanelsTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Map<String, float[][]> three() {
        Map<String, float[][]> m = new LinkedHashMap<>();
        m.put("h", new float[][] {{0, 1, 2}, {3, 4, 48}});
        m.put("h·m", new float[][] {{0, 0, 2}, {3, 0, 48}});
        m.put("h·m/q", new float[][] {{0, 0, 4}, {6, 0, 48}});
        return m;
    }

    @Test
    void panelsAreSeparatedByWhiteGapsAndShareOneScale() {
        BufferedImage img = MatrixPanels.sideBySide("three", three(), 0, 48);
        int cell = MatrixPanels.MAX_CELL;
        int panelW = 3 * cell;
        int k = 3;
        int width = Math.max(Charts.WIDTH, 2 * MatrixPanels.SIDE + k * panelW + (k - 1) * MatrixPanels.GAP
                + MatrixPanels.BAR_SPACE);
        assertEquals(width, img.getWidth());
        int x0 = (width - MatrixPanels.BAR_SPACE - (k * panelW + (k - 1) * MatrixPanels.GAP)) / 2;
        int y0 = MatrixPanels.TOP + (120 - 2 * cell) / 2;
        // the cell holding 48 is black in every panel (same scale), away from its printed value
        for (int p = 0; p < k; p++) {
            int px = x0 + p * (panelW + MatrixPanels.GAP);
            assertEquals(0x000000, img.getRGB(px + 2 * cell + 3, y0 + cell + 3) & 0xffffff, "panel " + p);
        }
        // a column of white between panels, the whole height of the grid
        int gapX = x0 + panelW + MatrixPanels.GAP / 2;
        for (int y = y0; y < y0 + 2 * cell; y++) {
            assertEquals(0xffffff, img.getRGB(gapX, y) & 0xffffff, "gap at y = " + y);
        }
        // the third panel's 4 is darker than the second panel's 2 at the same cell
        int second = img.getRGB(x0 + (panelW + MatrixPanels.GAP) + 2 * cell + 3, y0 + 3) & 0xff;
        int third = img.getRGB(x0 + 2 * (panelW + MatrixPanels.GAP) + 2 * cell + 3, y0 + 3) & 0xff;
        assertTrue(third < second, third + " vs " + second);
    }

    @Test
    void rejectsMismatchedShapesAndBadScales() {
        Map<String, float[][]> m = three();
        m.put("wrong", new float[][] {{1, 2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixPanels.sideBySide("t", m, 0, 1));
        assertTrue(e.getMessage().contains("'wrong' is 1 × 2 but the first is 2 × 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixPanels.sideBySide("t", three(), 1, 1));
        assertTrue(e.getMessage().contains("lo must be below hi"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatrixPanels.sideBySide("t", new LinkedHashMap<>(), 0, 1));
    }

    @Test
    void cellValuesFitTheirCells() {
        assertEquals("5", MatrixPanels.cellText(5f));
        assertEquals("0", MatrixPanels.cellText(-0f));
        assertEquals("0.88", MatrixPanels.cellText(0.8833f));
        assertEquals("-4.42", MatrixPanels.cellText(-4.4165f));
        assertEquals("123", MatrixPanels.cellText(123.4f));
    }
}
