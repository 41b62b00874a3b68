package dropout.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class MaskStripTest {
    private static float[][] checker(int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = (r + c) % 2;
            }
        }
        return m;
    }

    @Test
    void aWideBatchGetsRowsTallerThanItsColumnsAndEveryCellItsColour() {
        float[][] m = checker(16, 256);
        var img = MaskStrip.of("masks", m, "image", "hidden unit");
        int[] cell = MaskStrip.cellOrigin(16, 256, 0, 0);
        assertTrue(cell[3] >= 4 * cell[2], "row height " + cell[3] + " vs column width " + cell[2]);
        assertTrue(img.getHeight() >= MaskStrip.TOP + 16 * cell[3]);
        for (int[] rc : new int[][] {{0, 0}, {0, 1}, {15, 255}, {7, 100}}) {
            int[] o = MaskStrip.cellOrigin(16, 256, rc[0], rc[1]);
            int rgb = img.getRGB(o[0] + o[2] / 2, o[1] + o[3] / 2) & 0xffffff;
            int expected = (m[rc[0]][rc[1]] != 0f ? Theme.KEPT : Color.WHITE).getRGB() & 0xffffff;
            assertEquals(expected, rgb, "cell " + rc[0] + "," + rc[1]);
        }
    }

    @Test
    void tickStepsAreRoundAndSpaced() {
        assertEquals(32, MaskStrip.step(256, 768));
        assertEquals(2, MaskStrip.step(10, 400));
        assertEquals(50, MaskStrip.step(50, 60));
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> MaskStrip.of("t", new float[][] {{1, 0}, {1}}, "image", "unit"));
        assertTrue(e.getMessage().contains("MaskStrip.of"), e.getMessage());
    }
}
