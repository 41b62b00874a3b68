package dropout.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small, made-up IDX files with the same layout as Fashion-MNIST, and specs that accept exactly them. */
final class Fakes {
    static final int TRAIN = 12;
    static final int TEST = 5;

    /** Raw bytes, in {@link DataFile#FASHION_MNIST} order. */
    final List<byte[]> raw = new ArrayList<>();
    final List<byte[]> gz = new ArrayList<>();
    final List<DataFile> specs = new ArrayList<>();

    Fakes() {
        add("train-images-idx3-ubyte", images(TRAIN, 28, 28, 1));
        add("train-labels-idx1-ubyte", labels(TRAIN, 3));
        add("t10k-images-idx3-ubyte", images(TEST, 28, 28, 2));
        add("t10k-labels-idx1-ubyte", labels(TEST, 7));
    }

    private void add(String name, byte[] bytes) {
        byte[] zipped = gzip(bytes);
        raw.add(bytes);
        gz.add(zipped);
        specs.add(new DataFile(name, bytes.length, hex("SHA-256", bytes), hex("MD5", zipped)));
    }

    /** Writes all four files into {@code dir} (created), as {@code name.gz} if {@code gzip}, else plain. */
    Path write(Path dir, boolean gzip) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < 4; i++) {
                write(dir, i, gzip);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(Path dir, int i, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String name = specs.get(i).name();
        return Files.write(dir.resolve(gzip ? name + ".gz" : name), gzip ? gz.get(i) : raw.get(i));
    }

    /** IDX images whose pixel k of image n is (n * 31 + k * seed) mod 256. */
    static byte[] images(int count, int rows, int cols, int seed) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < rows * cols; k++) {
                b.put((byte) (n * 31 + k * seed));
            }
        }
        return b.array();
    }

    /** IDX labels (i * step) mod 10. */
    static byte[] labels(int count, int step) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(Idx.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i * step % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
