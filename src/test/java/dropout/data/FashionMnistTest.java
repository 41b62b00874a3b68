package dropout.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST, read from {@code FASHION_MNIST_DIR} or the Debian package's directory
 * through {@link FashionMnist#load(Path)}, so no cache or network is touched. Skipped where the
 * files are absent, unless CI=true.
 */
class FashionMnistTest {
    private static FashionMnist data;
    private static Path dir;

    @BeforeAll
    static void load() {
        String env = System.getenv(Locator.ENV_DIR);
        dir = env == null || env.isBlank() ? Locator.SYSTEM_DIR : Path.of(env);
        boolean present = DataFile.FASHION_MNIST.stream().allMatch(
                f -> Files.isRegularFile(dir.resolve(f.name())) || Files.isRegularFile(dir.resolve(f.gzName())));
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but Fashion-MNIST is not in " + dir + ": apt-get install " + Locator.DEBIAN_PACKAGE
                        + " or set " + Locator.ENV_DIR);
            }
            assumeTrue(false, "Fashion-MNIST is not in " + dir + "; skipping the tests on the real data");
        }
        long t0 = System.nanoTime();
        data = FashionMnist.load(dir);
        System.out.printf("FashionMnist.load(%s): %.2f s%n", dir, (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void shapes() {
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        for (Dataset d : new Dataset[] {data.train(), data.test()}) {
            assertEquals(784, d.dim());
            assertEquals(10, d.classes());
        }
        assertEquals(4, data.files().size());
        assertTrue(data.files().stream().allMatch(p -> p.getParent().equals(dir)), () -> "files: " + data.files());
    }

    @Test
    void classesAreBalanced() {
        assertArrayEquals(filled(6_000), histogram(data.train()));
        assertArrayEquals(filled(1_000), histogram(data.test()));
    }

    @Test
    void firstLabelsMatchTheFiles() {
        int[] train = {9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9};
        int[] test = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5};
        for (int i = 0; i < train.length; i++) {
            assertEquals(train[i], data.train().label(i), "train label " + i);
            assertEquals(test[i], data.test().label(i), "test label " + i);
        }
    }

    @Test
    void pixelsAreBytesOver255() {
        for (Dataset d : new Dataset[] {data.train(), data.test()}) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                for (int j = 0; j < d.dim(); j++) {
                    float v = d.feature(i, j);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
            assertEquals(0f, min, d.name());
            assertEquals(1f, max, d.name());
            double mean = sum / ((double) d.size() * d.dim());
            // Means of value/255 computed from the files with an independent script.
            assertEquals(d == data.train() ? 0.286041 : 0.286849, mean, 1e-5, d.name());
        }
    }

    @Test
    void pixelsSitWhereTheFileHasThem() {
        // Row 14 of the first training image (a boot), from the file's bytes 16 + 14 * 28 ...
        int[] row14 = {0, 0, 1, 4, 6, 7, 2, 0, 0, 0, 0, 0, 237, 226, 217, 223, 222, 219, 222, 221, 216, 223, 229,
            215, 218, 255, 77, 0};
        for (int c = 0; c < 28; c++) {
            assertEquals(row14[c] / 255f, data.train().feature(0, 14 * 28 + c), "train[0] pixel (14, " + c + ")");
        }
        assertEquals(129 / 255f, data.train().feature(59_999, 400));
        assertEquals(1f, data.train().feature(59_999, 509));
        assertEquals(1 / 255f, data.test().feature(0, 400));
    }

    @Test
    void subsetTakesTheFirstExamples() {
        FashionMnist small = data.subset(1000, 200);
        assertEquals(1000, small.train().size());
        assertEquals(200, small.test().size());
        assertArrayEquals(data.train().row(999), small.train().row(999));
        assertEquals(data.test().label(199), small.test().label(199));
        assertEquals(60_000, data.train().size(), "subset must not change the original");
        assertThrows(IllegalArgumentException.class, () -> data.subset(60_001, 10));
    }

    @Test
    void classNames() {
        assertEquals("T-shirt/top", FashionMnist.className(0));
        assertEquals("Sneaker", FashionMnist.className(7));
        assertEquals("Ankle boot", FashionMnist.className(9));
        assertEquals(FashionMnist.CLASSES, FashionMnist.CLASS_NAMES.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FashionMnist.className(10));
        assertTrue(e.getMessage().contains("0..9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.className(-1));
    }

    private static int[] histogram(Dataset d) {
        int[] h = new int[d.classes()];
        for (int i = 0; i < d.size(); i++) {
            h[d.label(i)]++;
        }
        return h;
    }

    private static int[] filled(int v) {
        int[] a = new int[10];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
