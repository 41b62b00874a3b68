package dropout.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small table that prints itself: {@code System.out.println(Table.of("run", "test accuracy").row("no dropout", 0.8380))}.
 * Text cells are left-aligned, numbers right-aligned with {@link #decimals(int)} digits (4 unless set),
 * integers ({@code int}, {@code long}) without decimals. Formatting uses Locale.ROOT.
 */
public final class Table {
    private static final String GAP = "  ";
    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();
    private int decimals = 4;
    private final Map<Integer, Integer> columnDecimals = new HashMap<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    public static Table of(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column: Table.of(\"run\", \"test accuracy\")");
        }
        return new Table(List.of(headers));
    }

    /** Digits after the point for every fractional number in the table. */
    public Table decimals(int digits) {
        Report.number(0, digits);
        this.decimals = digits;
        return this;
    }

    /** Digits after the point for the fractional numbers of one column, e.g. a gap in standard errors: 1. */
    public Table decimals(String column, int digits) {
        Report.number(0, digits);
        int c = headers.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column \"" + column + "\" in " + headers + ": name one of them");
        }
        columnDecimals.put(c, digits);
        return this;
    }

    /** One row, one cell per column; numbers (Double, Float, Integer, Long) are formatted, anything else printed as text. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row " + Arrays.toString(cells) + " has " + cells.length + " cells, the table has "
                    + headers.size() + " columns " + headers + ": give one cell per column");
        }
        rows.add(cells.clone());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    /** Prints the table (the same as {@code System.out.print(table)}). */
    public void print() {
        System.out.print(this);
    }

    @Override
    public String toString() {
        int columns = headers.size();
        String[][] text = new String[rows.size()][columns];
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = headers.get(c).length();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                text[r][c] = cell(rows.get(r)[c], columnDecimals.getOrDefault(c, decimals));
                width[c] = Math.max(width[c], text[r][c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            pad(s, headers.get(c), width[c], !numericColumn(c), c == columns - 1);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                pad(s, text[r][c], width[c], !isNumber(rows.get(r)[c]), c == columns - 1);
            }
        }
        return s.toString();
    }

    private static String cell(Object value, int decimals) {
        if (value instanceof Integer || value instanceof Long) {
            return Report.count(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return Report.number(((Number) value).doubleValue(), decimals);
        }
        return String.valueOf(value);
    }

    /** A column whose cells are all numbers has its header right-aligned, over the numbers. */
    private boolean numericColumn(int column) {
        return !rows.isEmpty() && rows.stream().allMatch(row -> isNumber(row[column]));
    }

    private static boolean isNumber(Object value) {
        return value instanceof Number;
    }

    private static void pad(StringBuilder s, String text, int width, boolean left, boolean last) {
        String fill = " ".repeat(width - text.length());
        s.append(left ? text + (last ? "" : fill) : fill + text);
        s.append(last ? "\n" : GAP);
    }
}
