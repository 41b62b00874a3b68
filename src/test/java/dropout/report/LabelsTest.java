package dropout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void numberedLabelsCountFromFirst() {
        assertEquals(List.of("unit 0", "unit 1", "unit 2"), Labels.numbered("unit", 0, 3));
        assertEquals(List.of("layer 1"), Labels.numbered("layer", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Labels.numbered(" ", 0, 3));
        assertThrows(IllegalArgumentException.class, () -> Labels.numbered("unit", 0, 0));
    }

    @Test
    void numbersBecomeLabelsInOrder() {
        assertEquals(List.of("1", "3", "10", "30"), Labels.numbers(new int[] {1, 3, 10, 30}));
        assertThrows(IllegalArgumentException.class, () -> Labels.numbers(new int[0]));
    }

    @Test
    void namedNumberedKeepsOrderAndValues() {
        Named<Double> n = Named.numbered(new double[] {1.0, 0.5, 0.25}, 1);
        assertEquals(List.of("1", "2", "3"), List.copyOf(n.keySet()));
        assertEquals(0.25, n.get("3"), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Named.numbered(new double[0], 1));
    }
}
