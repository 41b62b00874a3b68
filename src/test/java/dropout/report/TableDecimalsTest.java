package dropout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableDecimalsTest {
    @Test
    void oneColumnGetsItsOwnDigitsTheOthersKeepTheTables() {
        String t = Table.of("run", "mean", "gap").decimals("gap", 1).row("a", 0.24851, 90.8572).toString();
        assertEquals("run    mean   gap\na    0.2485  90.9\n", t);
    }

    @Test
    void tableWideDigitsStillApplyAndAnUnknownColumnIsNamed() {
        String t = Table.of("x", "y").decimals(2).decimals("y", 0).row(1.234, 5.6).toString();
        assertTrue(t.endsWith("1.23  6\n"), t);
        var e = assertThrows(IllegalArgumentException.class, () -> Table.of("x").decimals("z", 1));
        assertTrue(e.getMessage().contains("\"z\"") && e.getMessage().contains("[x]"), e.getMessage());
    }
}
