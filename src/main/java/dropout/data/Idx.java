package dropout.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for IDX files (the MNIST format): a big-endian header, a magic number ({@value #IMAGES_MAGIC}
 * for unsigned-byte images {@code [count, rows, cols]}, {@value #LABELS_MAGIC} for unsigned-byte
 * labels {@code [count]}), then the bytes. Gzip input is recognised by its first two bytes and
 * inflated on the fly. Every format problem is a {@link DataFileException} naming the file.
 */
public final class Idx {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;

    private static final int CHUNK = 1 << 16;
    /** {@code v / 255f} for every byte value, so pixels are exactly value/255f at table-lookup speed. */
    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255f;
        }
    }

    private Idx() {
    }

    /**
     * Images as read: {@code count} images of {@code rows × cols} pixels, image after image, row-major,
     * each pixel its byte value / 255f, so in [0, 1]. {@code file} is the name errors use.
     */
    public record Images(String file, int count, int rows, int cols, float[] pixels) {
        public int dim() {
            return rows * cols;
        }
    }

    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** Reads an images file from {@code in} (plain or gzip) to its end; {@code file} names it in errors. */
    public static Images readImages(InputStream in, String file) throws IOException {
        InputStream data = decompressed(in, file);
        int[] header = readHeader(data, file, IMAGES_MAGIC, "images", 3);
        int count = header[0];
        int rows = header[1];
        int cols = header[2];
        long total = (long) count * rows * cols;
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, "at most " + (Integer.MAX_VALUE - 8) + " pixels (one Java array)",
                    count + " images of " + rows + "×" + cols + " = " + total + " pixels", "");
        }
        float[] pixels = new float[(int) total];
        byte[] chunk = new byte[CHUNK];
        int done = 0;
        while (done < pixels.length) {
            int n = readSome(data, chunk, Math.min(CHUNK, pixels.length - done), file, done,
                    describe(count, rows, cols, total));
            for (int k = 0; k < n; k++) {
                pixels[done + k] = SCALE[chunk[k] & 0xff];
            }
            done += n;
        }
        expectEnd(data, file, 16 + total);
        return new Images(file, count, rows, cols, pixels);
    }

    /** Reads a labels file from {@code in} (plain or gzip) to its end; {@code file} names it in errors. */
    public static int[] readLabels(InputStream in, String file) throws IOException {
        InputStream data = decompressed(in, file);
        int count = readHeader(data, file, LABELS_MAGIC, "labels", 1)[0];
        int[] labels = new int[count];
        byte[] chunk = new byte[CHUNK];
        int done = 0;
        while (done < count) {
            int n = readSome(data, chunk, Math.min(CHUNK, count - done), file, done,
                    count + " label bytes after the 8-byte header");
            for (int k = 0; k < n; k++) {
                labels[done + k] = chunk[k] & 0xff;
            }
            done += n;
        }
        expectEnd(data, file, 8 + (long) count);
        return labels;
    }

    /**
     * Pairs images with labels. Counts that disagree, or a label outside {@code [0, classes)}, are a
     * {@link DataFileException} naming {@code labelsFile}.
     */
    public static Dataset dataset(String name, Images images, int[] labels, String labelsFile, int classes) {
        if (labels.length != images.count()) {
            throw new DataFileException(labelsFile, images.count() + " labels, one per image in " + images.file(),
                    labels.length + " labels", "Images and labels must come from the same split (train or t10k).");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new DataFileException(labelsFile, "labels in [0, " + classes + ")",
                        "label " + labels[i] + " at index " + i, "");
            }
        }
        return new Dataset(name, images.pixels(), labels, images.dim(), classes);
    }

    /**
     * {@code in} itself, or a gzip-inflating view of it if it starts with the gzip magic 1f 8b. A damaged or cut
     * gzip header is a {@link DataFileException} naming {@code file}.
     */
    static InputStream decompressed(InputStream in, String file) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, CHUNK);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return buffered;
        }
        try {
            return new GZIPInputStream(buffered, CHUNK);
        } catch (EOFException e) {
            throw new DataFileException(file, "a complete gzip header (10 bytes)",
                    "gzip data that stops inside its header (the file is truncated)", "", e);
        } catch (ZipException e) {
            throw new DataFileException(file, "valid gzip data", "corrupt gzip data (" + e.getMessage() + ")", "", e);
        }
    }

    private static int[] readHeader(InputStream in, String file, int magic, String kind, int dims) throws IOException {
        int headerBytes = 4 + 4 * dims;
        byte[] h = new byte[headerBytes];
        int n = readFully(in, h, 0, headerBytes, file);
        if (n < 4) {
            throw new DataFileException(file,
                    "an IDX " + kind + " header (" + headerBytes + " bytes, magic " + magic + ")",
                    n == 0 ? "an empty file" : "only " + n + " bytes", "");
        }
        int found = bigEndian(h, 0);
        if (found != magic) {
            throw new DataFileException(file, "IDX magic number " + magic + " (" + kind + ")",
                    found + describeMagic(found), "");
        }
        if (n < headerBytes) {
            throw new DataFileException(file, "an IDX " + kind + " header of " + headerBytes + " bytes",
                    "only " + n + " bytes (truncated)", "");
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = bigEndian(h, 4 + 4 * d);
            if (sizes[d] < 0) {
                throw new DataFileException(file, "non-negative sizes in the header",
                        "size " + sizes[d] + " in dimension " + d, "");
            }
        }
        return sizes;
    }

    private static String describe(int count, int rows, int cols, long total) {
        return count + " images of " + rows + "×" + cols + " = " + total + " pixel bytes after the 16-byte header";
    }

    static String describeMagic(int magic) {
        if (magic == IMAGES_MAGIC) {
            return " (an IDX images file)";
        }
        if (magic == LABELS_MAGIC) {
            return " (an IDX labels file)";
        }
        return String.format(Locale.ROOT, " (bytes %08x: not an IDX unsigned-byte file)", magic);
    }

    /** Reads 1..max bytes; the end of the data before that is a truncation error. */
    private static int readSome(InputStream in, byte[] chunk, int max, String file, int done, String expected)
            throws IOException {
        int n = readFully(in, chunk, 0, max, file);
        if (n < max) {
            throw new DataFileException(file, expected, "only " + (done + n) + " (the file is truncated)", "");
        }
        return n;
    }

    /**
     * Like {@link InputStream#readNBytes(byte[], int, int)}, but a gzip stream that stops early just ends
     * the data (the caller reports the truncation) and damaged gzip data is a {@link DataFileException}.
     */
    static int readFully(InputStream in, byte[] buf, int off, int len, String file) throws IOException {
        int total = 0;
        try {
            while (total < len) {
                int n = in.read(buf, off + total, len - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream: the compressed data stops mid-stream.
            return total;
        } catch (ZipException e) {
            throw new DataFileException(file, "valid gzip data", "corrupt gzip data (" + e.getMessage() + ")", "", e);
        }
        return total;
    }

    private static void expectEnd(InputStream in, String file, long size) throws IOException {
        byte[] rest = new byte[CHUNK];
        long extra = 0;
        int n;
        while ((n = readFully(in, rest, 0, rest.length, file)) > 0) {
            extra += n;
        }
        if (extra > 0) {
            throw new DataFileException(file, size + " bytes, as the header says",
                    extra + " bytes more (trailing data)", "");
        }
    }

    static int bigEndian(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }
}
