package dropout.exercises;

import dropout.early.Schedules;
import dropout.measure.Sizes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.report.Named;
import dropout.train.DropoutSchedule;
import org.junit.jupiter.api.Test;

class ScheduleCheckTest {

    @Test
    void theRightFormulaPasses() {
        String m = ScheduleCheck.linearEarly(t -> t >= 199 ? 0.0 : 0.1 - 0.1 * t / 199.0, 0.1, 200).message();
        assertTrue(m.startsWith("Right:"), m);
        assertTrue(ScheduleCheck.linearEarly(t -> t >= 199 ? 0.0 : 0.1 - 0.1 * t / 199.0, 0.1, 200).correct());
        assertFalse(ScheduleCheck.linearEarly(t -> Double.NaN, 0.1, 200).correct());
    }

    @Test
    void thePlaceholderAndAnOffByOneAreNotYetAndSayWhere() {
        String m = ScheduleCheck.linearEarly(t -> Double.NaN, 0.1, 200).message();
        assertTrue(m.startsWith("Not yet: at update 0"), m);
        // reaching 0 at the cutoff instead of one update before it: wrong in the middle already (step p/c, not p/(c−1))
        String off = ScheduleCheck.linearEarly(t -> t >= 200 ? 0.0 : 0.1 - 0.1 * t / 200.0, 0.1, 200).message();
        assertTrue(off.startsWith("Not yet: at update 1 "), off);
        String constant = ScheduleCheck.linearEarly(t -> t < 200 ? 0.1 : 0.0, 0.1, 200).message();
        assertTrue(constant.startsWith("Not yet: at update 1 "), constant);
    }

    @Test
    void refusesACutoffWithoutAMiddle() {
        var e = assertThrows(IllegalArgumentException.class, () -> ScheduleCheck.linearEarly(t -> 0.0, 0.1, 2));
        assertTrue(e.getMessage().contains("cutoff = 2"), e.getMessage());
    }

    @Test
    void namedDropProbabilitiesKeepNamesAndOrder() {
        DropoutRate p = DropoutRate.drop(0.25);
        Named<DropoutSchedule> s = Named.<DropoutSchedule>of("late", Schedules.late(p, 2)).and("early", Schedules.early(p, 2));
        Named<double[]> curves = Schedules.dropProbabilities(s, 4);
        assertEquals(java.util.List.of("late", "early"), java.util.List.copyOf(curves.keySet()));
        assertEquals(0.25, curves.get("late")[2], 0.0);
        assertEquals(0.0, curves.get("early")[2], 0.0);
    }

    @Test
    void sizesNameOneHiddenLayerNetworksByWidth() {
        var sizes = Sizes.oneHiddenLayer(6, 3, InvertedDropout.drop(0.1), 2, 5);
        assertEquals(java.util.List.of("width 2", "width 5"), java.util.List.copyOf(sizes.keySet()));
        assertEquals(6 * 5 + 5 + 5 * 3 + 3, sizes.get("width 5").build(1).parameterCount());
        var e = assertThrows(IllegalArgumentException.class, () -> Sizes.oneHiddenLayer(6, 3, InvertedDropout.drop(0.1), 0));
        assertTrue(e.getMessage().contains("width 0"), e.getMessage());
    }
}
