package dropout.report;

import java.util.ArrayList;
import java.util.List;

/** Labels for chart categories. */
public final class Labels {
    private Labels() {
    }

    /** "prefix first", "prefix first+1", ...: {@code numbered("unit", 0, 8)} gives "unit 0" … "unit 7". */
    public static List<String> numbered(String prefix, int first, int count) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("numbered: the prefix is blank; pass the word before each number, e.g. \"unit\"");
        }
        if (count < 1) {
            throw new IllegalArgumentException("numbered: count = " + count + "; pass at least 1 label");
        }
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(prefix + " " + (first + i));
        }
        return List.copyOf(labels);
    }

    /** The numbers as labels, in order: {@code numbers(new int[] {1, 3, 10, 30})} gives "1", "3", "10", "30". */
    public static List<String> numbers(int[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("numbers: no values; pass at least one, e.g. new int[] {1, 3, 10, 30}");
        }
        List<String> labels = new ArrayList<>(values.length);
        for (int v : values) {
            labels.add(String.valueOf(v));
        }
        return List.copyOf(labels);
    }
}
