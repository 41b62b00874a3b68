package dropout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void tableAlignsTextLeftAndNumbersRight() {
        String t = Table.of("run", "epochs", "test accuracy")
                .row("no dropout", 10, 0.83804)
                .row("dropout 0.2/0.5", 10, 0.8494)
                .toString();
        assertEquals(String.join("\n",
                "run              epochs  test accuracy",
                "no dropout           10         0.8380",
                "dropout 0.2/0.5      10         0.8494", ""), t);
    }

    @Test
    void tableDecimalsAndCountsAreLocaleFree() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String t = Table.of("n", "mean").decimals(2).row(1_000_000, 0.5).toString();
            assertEquals("        n  mean\n1,000,000  0.50\n", t);
            assertEquals("accuracy 0.8494", Report.format("accuracy", 0.84936, 4));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void nonFiniteNumbersAreSpelledOutNotRounded() {
        assertEquals("NaN", Report.number(Double.NaN, 4));
        assertEquals("Infinity", Report.number(Double.POSITIVE_INFINITY, 2));
        assertEquals("x    v\ny  NaN\n", Table.of("x", "v").decimals(2).row("y", Double.NaN).toString());
    }

    @Test
    void badTablesAreRefusedWithTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> Table.of("a", "b").row("only one"));
        assertTrue(e.getMessage().contains("1 cells") && e.getMessage().contains("2 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, Table::of);
        var d = assertThrows(IllegalArgumentException.class, () -> Table.of("a").decimals(-1));
        assertTrue(d.getMessage().contains("-1"), d.getMessage());
    }

    @Test
    void namedKeepsOrderAndRefusesDuplicates() {
        Map<String, double[]> m = Named.of("b", new double[] {1}).and("a", new double[] {2});
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        Map<String, Double> bars = Named.of("x", 0.5).and("y", 0.25);
        assertEquals(0.25, bars.get("y"));
        var e = assertThrows(IllegalArgumentException.class, () -> Named.of("x", 1.0).and("x", 2.0));
        assertTrue(e.getMessage().contains("\"x\" is given twice"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Named.of(" ", 1.0));
        assertThrows(IllegalArgumentException.class, () -> Named.of("x", null));
        assertEquals(List.of("b", "a"), List.copyOf(Named.copyOf(m).keySet()));
    }

    @Test
    void reportLineCounts() {
        assertEquals("1,000,000", Report.count(1_000_000));
        assertEquals("n = 0.0", Report.format("n =", 0.04, 1));
    }
}
