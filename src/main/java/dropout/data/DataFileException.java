package dropout.data;

/**
 * A data file that is missing, truncated, corrupt or not in the expected format. The message names
 * the file, what was expected, what was found and, where there is one, the fix.
 */
public class DataFileException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String expected;
    private final String found;

    public DataFileException(String file, String expected, String found, String fix) {
        this(file, expected, found, fix, null);
    }

    public DataFileException(String file, String expected, String found, String fix, Throwable cause) {
        super(file + ": expected " + expected + ", found " + found + "."
                + (fix == null || fix.isEmpty() ? "" : " " + fix), cause);
        this.file = file;
        this.expected = expected;
        this.found = found;
    }

    /** The file (or directory, or URL) at fault. */
    public String file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
