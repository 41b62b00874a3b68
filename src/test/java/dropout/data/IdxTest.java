package dropout.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    /** Two 2×3 images: 0, 51, 255, 1, 2, 3 / 254, 128, 0, 10, 20, 30. */
    private static byte[] twoImages() {
        ByteBuffer b = ByteBuffer.allocate(16 + 12);
        b.putInt(2051).putInt(2).putInt(2).putInt(3);
        b.put(new byte[] {0, 51, (byte) 255, 1, 2, 3, (byte) 254, (byte) 128, 0, 10, 20, 30});
        return b.array();
    }

    private static Idx.Images images(byte[] bytes) throws IOException {
        return Idx.readImages(new ByteArrayInputStream(bytes), "mem.idx");
    }

    private static DataFileException fails(Executable e, String... expectedInMessage) {
        DataFileException ex = assertThrows(DataFileException.class, e);
        for (String s : expectedInMessage) {
            assertTrue(ex.getMessage().contains(s), () -> "message lacks '" + s + "': " + ex.getMessage());
        }
        return ex;
    }

    @Test
    void readsImagesAsValueOver255() throws IOException {
        Idx.Images x = images(twoImages());
        assertEquals(2, x.count());
        assertEquals(2, x.rows());
        assertEquals(3, x.cols());
        assertEquals(6, x.dim());
        assertArrayEquals(new float[] {0f, 51 / 255f, 1f, 1 / 255f, 2 / 255f, 3 / 255f,
            254 / 255f, 128 / 255f, 0f, 10 / 255f, 20 / 255f, 30 / 255f}, x.pixels());
        assertEquals(0.2f, x.pixels()[1]);
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Idx.Images plain = images(twoImages());
        Idx.Images zipped = images(Fakes.gzip(twoImages()));
        assertArrayEquals(plain.pixels(), zipped.pixels());
        assertEquals(plain.count(), zipped.count());
    }

    @Test
    void readsLabels() throws IOException {
        byte[] bytes = Fakes.labels(13, 3);
        int[] y = Idx.readLabels(new ByteArrayInputStream(Fakes.gzip(bytes)), "l.gz");
        assertArrayEquals(new int[] {0, 3, 6, 9, 2, 5, 8, 1, 4, 7, 0, 3, 6}, y);
    }

    @Test
    void readsFromPathAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path images = Files.write(dir.resolve("x.gz"), Fakes.gzip(twoImages()));
        assertEquals(2, Idx.readImages(images).count());
        Path labels = Files.write(dir.resolve("y"), Fakes.labels(4, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, Idx.readLabels(labels));
        DataFileException e = fails(() -> Idx.readLabels(images), images.toString(), "2049", "2051");
        assertEquals(images.toString(), e.file());
    }

    @Test
    void wrongMagicNamesBoth() {
        DataFileException e = fails(() -> Idx.readImages(new ByteArrayInputStream(Fakes.labels(3, 1)), "labels.idx"),
                "labels.idx", "expected IDX magic number 2051", "found 2049 (an IDX labels file)");
        assertEquals("labels.idx", e.file());
        fails(() -> Idx.readLabels(new ByteArrayInputStream(twoImages()), "img.idx"),
                "img.idx", "2049", "found 2051 (an IDX images file)");
    }

    @Test
    void textIsNotIdx() {
        byte[] html = "<!DOCTYPE html><html>Not found</html>".getBytes();
        fails(() -> images(html), "mem.idx", "3c21444f", "not an IDX");
    }

    @Test
    void emptyAndShortHeaders() {
        fails(() -> images(new byte[0]), "mem.idx", "16 bytes", "an empty file");
        fails(() -> images(Arrays.copyOf(twoImages(), 10)), "mem.idx", "header of 16 bytes", "only 10 bytes");
        fails(() -> images(Arrays.copyOf(twoImages(), 3)), "mem.idx", "only 3 bytes");
    }

    @Test
    void truncatedDataSaysHowMuchWasThere() {
        fails(() -> images(Arrays.copyOf(twoImages(), 16 + 7)),
                "mem.idx", "2 images of 2×3 = 12 pixel bytes", "only 7", "truncated");
        fails(() -> Idx.readLabels(new ByteArrayInputStream(Arrays.copyOf(Fakes.labels(20, 1), 8 + 19)), "l"),
                "20 label bytes", "only 19");
    }

    @Test
    void trailingDataIsAnError() {
        byte[] longer = Arrays.copyOf(twoImages(), 16 + 12 + 5);
        fails(() -> images(longer), "28 bytes, as the header says", "5 bytes more");
    }

    @Test
    void truncatedGzipIsReportedAsTruncation() {
        byte[] gz = Fakes.gzip(Fakes.images(50, 28, 28, 7));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        fails(() -> images(cut), "mem.idx", "50 images of 28×28 = 39200 pixel bytes", "only", "truncated");
    }

    @Test
    void damagedGzipIsReportedAsSuch() {
        byte[] gz = Fakes.gzip(twoImages());
        gz[gz.length - 8] ^= 0x55; // the CRC-32 in the gzip trailer
        DataFileException e = fails(() -> images(gz), "mem.idx", "valid gzip data", "corrupt gzip data");
        assertTrue(e.getCause() instanceof java.util.zip.ZipException, () -> "cause: " + e.getCause());
    }

    @Test
    void negativeSizeInHeader() {
        byte[] b = twoImages();
        b[8] = (byte) 0xff; // rows becomes negative
        fails(() -> images(b), "non-negative sizes", "dimension 1");
    }

    @Test
    void datasetPairsImagesAndLabels() throws IOException {
        Dataset d = Idx.dataset("tiny", images(twoImages()), new int[] {4, 1}, "y", 5);
        assertEquals(2, d.size());
        assertEquals(6, d.dim());
        assertEquals(1, d.label(1));
        assertEquals(1f, d.feature(0, 2));
        assertEquals(128 / 255f, d.feature(1, 1));
    }

    @Test
    void countsThatDisagree() throws IOException {
        Idx.Images x = images(twoImages());
        DataFileException e = fails(() -> Idx.dataset("tiny", x, new int[] {1, 2, 3}, "labels-file", 10),
                "labels-file", "expected 2 labels, one per image in mem.idx", "found 3 labels");
        assertEquals("labels-file", e.file());
    }

    @Test
    void labelOutOfRange() throws IOException {
        Idx.Images x = images(twoImages());
        fails(() -> Idx.dataset("tiny", x, new int[] {1, 10}, "labels-file", 10),
                "labels-file", "labels in [0, 10)", "label 10 at index 1");
    }
}
