package dropout.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Input checks for {@link Charts}. Every failure is an {@link IllegalArgumentException} whose message
 * names the method, the offending value, the rule it broke and how to fix the call, e.g.
 * {@code "Charts.histogram: bins = 0, but it must be at least 1; pass the number of bars, e.g. 30"}.
 */
final class Check {
    private Check() {
    }

    static IllegalArgumentException fail(String method, String message) {
        return new IllegalArgumentException("Charts." + method + ": " + message);
    }

    static <T> T notNull(String method, String what, T value) {
        if (value == null) {
            throw fail(method, what + " is null; pass a value (an empty title may be \"\")");
        }
        return value;
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * The map's entries in a reproducible order: the map's own order if it has one (a
     * {@link LinkedHashMap} or a {@link SortedMap}), otherwise sorted by name, so {@code Map.of(...)},
     * whose order changes from one JVM to the next, still gives the same picture every time.
     */
    static <V> List<Map.Entry<String, V>> entries(String method, String what, Map<String, V> map) {
        notNull(method, what, map);
        if (map.isEmpty()) {
            throw fail(method, what + " is empty; pass at least one named series");
        }
        List<Map.Entry<String, V>> list = new ArrayList<>(map.size());
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (e.getKey() == null) {
                throw fail(method, what + " has a null name; give every series a name");
            }
            if (e.getValue() == null) {
                throw fail(method, what + " '" + e.getKey() + "' is null; pass its values or leave it out");
            }
            list.add(Map.entry(e.getKey(), e.getValue()));
        }
        if (!(map instanceof LinkedHashMap) && !(map instanceof SortedMap)) {
            list.sort(Map.Entry.comparingByKey());
        }
        return list;
    }

    static void atLeast(String method, String what, long value, long min, String fix) {
        if (value < min) {
            throw fail(method, what + " = " + value + ", but it must be at least " + min + "; " + fix);
        }
    }

    static void nonEmpty(String method, String what, double[] values) {
        if (values.length == 0) {
            throw fail(method, what + " is empty; pass at least one value");
        }
    }

    static void sameLength(String method, String what, int length, String otherWhat, int otherLength) {
        if (length != otherLength) {
            throw fail(method, what + " has " + length + " values but " + otherWhat + " has " + otherLength
                    + "; they must have the same length (one value per point)");
        }
    }

    static void finite(String method, String what, double value) {
        if (!Double.isFinite(value)) {
            throw fail(method, what + " = " + value + ", but it must be a finite number");
        }
    }

    static void finiteAll(String method, String what, double[] values, String fix) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw fail(method, what + "[" + i + "] = " + values[i] + ", but every value must be finite; " + fix);
            }
        }
    }

    /** Rectangular, non-empty, finite; returns {rows, columns}. */
    static int[] matrix(String method, String what, float[][] m, int maxSide) {
        notNull(method, what, m);
        if (m.length == 0) {
            throw fail(method, what + " has no rows; pass at least a 1 x 1 matrix");
        }
        if (m[0] == null || m[0].length == 0) {
            throw fail(method, what + "[0] is " + (m[0] == null ? "null" : "empty")
                    + "; every row needs at least one value");
        }
        int cols = m[0].length;
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null) {
                throw fail(method, what + "[" + r + "] is null; every row needs " + cols + " values");
            }
            if (m[r].length != cols) {
                throw fail(method, what + " is ragged: row 0 has " + cols + " values but row " + r + " has "
                        + m[r].length + "; every row must have the same length");
            }
            for (int c = 0; c < cols; c++) {
                if (!Float.isFinite(m[r][c])) {
                    throw fail(method, what + "[" + r + "][" + c + "] = " + m[r][c]
                            + ", but every value must be finite; replace or filter non-finite values first");
                }
            }
        }
        if (m.length > maxSide || cols > maxSide) {
            throw fail(method, what + " is " + m.length + " x " + cols + ", larger than " + maxSide + " x "
                    + maxSide + " (one pixel per cell); pass a sub-block, e.g. the first rows and columns");
        }
        return new int[] {m.length, cols};
    }

    /** A short, locale-independent rendering: 4 significant digits, no trailing zeros. */
    static String num(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
