package dropout.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void oneAlignedRowPerRunWithItsLastEpoch() {
        History a = new History("dropout 0.5");
        a.add(new EpochStats(1, 0.9, 0.7, 0.8, 0.72, 1.5, 0.5));
        a.add(new EpochStats(2, 0.5, 0.81234, 0.55, 0.80123, 1.25, 0.5));
        History b = new History("none");
        b.add(new EpochStats(1, 0.4, 0.85, 0.45, 0.83, 1.0, 0));
        String[] lines = Summary.table(List.of(a, b)).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("dropout 0.5      2      0.5000     0.8123     0.5500    0.8012      2.8 s"), lines[1]);
        assertTrue(lines[2].startsWith("none       "), lines[2]);
        assertEquals(lines[1].length(), lines[2].length());
        assertThrows(IllegalArgumentException.class, () -> Summary.table(List.of()));
    }
}
