package dropout.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values under names, in the order they were given: the series of a chart or the bars of a bar chart.
 * It is a {@code LinkedHashMap}, so it goes wherever a {@code Map<String, V>} is asked for:
 * {@code Charts.curves("loss", "loss", Named.of("no dropout", a).and("dropout 0.5", b))}.
 */
public final class Named<V> extends LinkedHashMap<String, V> {
    private static final long serialVersionUID = 1L;

    private Named() {
    }

    public static <V> Named<V> of(String name, V value) {
        return new Named<V>().and(name, value);
    }

    /** Names from a map, in its iteration order (a {@code LinkedHashMap} keeps insertion order). */
    public static <V> Named<V> copyOf(Map<String, ? extends V> values) {
        Named<V> named = new Named<>();
        values.forEach(named::and);
        return named;
    }

    /** The values under the names "first", "first + 1", ... (e.g. deciles 1 to 10 for bars). */
    public static Named<Double> numbered(double[] values, int first) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("numbered: no values; pass at least one, e.g. numbered(accuracy, 1)");
        }
        Named<Double> named = new Named<>();
        for (int i = 0; i < values.length; i++) {
            named.and(String.valueOf(first + i), values[i]);
        }
        return named;
    }

    /** Adds one more value; a name given twice is refused, since the first series would silently vanish. */
    public Named<V> and(String name, V value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name, got " + (name == null ? "null" : "\"" + name + "\"")
                    + ": pass the label the chart's legend should show");
        }
        if (value == null) {
            throw new IllegalArgumentException("series \"" + name + "\" has no values (null): pass the array or number to show");
        }
        if (containsKey(name)) {
            throw new IllegalArgumentException("series \"" + name + "\" is given twice: each name may appear once;"
                    + " rename one of them (for example \"" + name + " (2)\")");
        }
        put(name, value);
        return this;
    }
}
