package dropout.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.measure.ProbeLog;
import dropout.measure.ProbeRecord;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the library prints reads the same on every machine: a German or French default locale would
 * otherwise turn 0.8494 into 0,8494, and a committed notebook would not reproduce there.
 */
class PrintedNumbersTest {
    private Locale saved;

    @BeforeEach
    void commaDecimalLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        assertEquals("0,5", String.format("%.1f", 0.5), "the test needs a locale whose decimal mark is a comma");
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void progressLineHasFourDecimalsAndATimeThatShowsHundredthsBelowOneSecond() {
        var slow = new EpochStats(3, 0.45678, 0.81234, 0.5, 0.80001, 1.84, 0.5);
        assertEquals("run a  epoch  3/10  train loss 0.4568  train acc 0.8123  test loss 0.5000  test acc 0.8000  (1.8 s)",
                Progress.line("run a", 10, slow));
        var fast = new EpochStats(10, 0.1, 0.9, 0.2, 0.85, 0.034, 0);
        assertTrue(Progress.line("small", 100, fast).endsWith("epoch 10/100  train loss 0.1000  train acc 0.9000"
                + "  test loss 0.2000  test acc 0.8500  (0.03 s)"), Progress.line("small", 100, fast));
        assertEquals("0.00 s", Progress.seconds(0.0));
        assertEquals("0.99 s", Progress.seconds(0.994));
        assertEquals("1.0 s", Progress.seconds(1.0));
        assertEquals("12.3 s", Progress.seconds(12.34));
    }

    @Test
    void summaryAndProbeTablesUseAPoint() {
        History h = new History("dropout 0.5");
        h.add(new EpochStats(1, 0.5, 0.8123, 0.55, 0.8012, 2.5, 0.5));
        String table = Summary.table(List.of(h));
        assertTrue(table.contains("0.5000     0.8123     0.5500    0.8012      2.5 s"), table);
        assertFalse(table.contains(","), table);

        String probes = new ProbeLog(List.of(new ProbeRecord(10, 0.1, 0.35, 0.32, 0.0855, 0.046, 2.1))).toString();
        assertTrue(probes.contains("0.3500") && probes.contains("0.0855"), probes);
        assertFalse(probes.contains(","), probes);
    }
}
