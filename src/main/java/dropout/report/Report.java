package dropout.report;

import java.util.Locale;

/**
 * One labelled number per line, the way a notebook states its result:
 * {@code Report.line("dropout 1.0: final test accuracy", 0.1, 4)} prints
 * {@code dropout 1.0: final test accuracy 0.1000}.
 */
public final class Report {
    private Report() {
    }

    /** {@code label value}, the value with {@code decimals} digits after the point (Locale.ROOT). */
    public static String format(String label, double value, int decimals) {
        return label + " " + number(value, decimals);
    }

    /** Prints {@link #format} as one line. */
    public static void line(String label, double value, int decimals) {
        System.out.println(format(label, value, decimals));
    }

    /** Prints {@code label value} for a count, with thousands separators: {@code 1,000,000}. */
    public static void line(String label, long count) {
        System.out.println(label + " " + count(count));
    }

    /** A number with a fixed count of decimals, Locale.ROOT; NaN and infinities spelled as Java does. */
    public static String number(double value, int decimals) {
        if (decimals < 0 || decimals > 12) {
            throw new IllegalArgumentException("decimals = " + decimals + ": must be between 0 and 12");
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A count with thousands separators (1,000,000), the same in every locale. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
