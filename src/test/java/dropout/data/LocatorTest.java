package dropout.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Where the files are looked for, and the errors for missing, truncated and corrupt ones; all on small fakes. */
class LocatorTest {
    private static final String[] WAYS = {"apt-get install dataset-fashion-mnist", "FASHION_MNIST_DIR=/path",
        "allow the download"};

    private final Fakes fakes = new Fakes();
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path tmp;

    private Locator locator(Path explicit, Path env, Path system, Path cache, List<URI> mirrors) {
        return new Locator(explicit, env, system, cache, mirrors, fakes.specs, log::add);
    }

    /** Only the cache and no download: the usual way to point a test at one directory. */
    private FashionMnist loadFrom(Path explicit) {
        return FashionMnist.load(locator(explicit, null, null, tmp.resolve("cache"), List.of()));
    }

    private static DataFileException fails(Executable e, String... expectedInMessage) {
        DataFileException ex = assertThrows(DataFileException.class, e);
        for (String s : expectedInMessage) {
            assertTrue(ex.getMessage().contains(s), () -> "message lacks '" + s + "': " + ex.getMessage());
        }
        return ex;
    }

    private static List<Path> parents(FashionMnist f) {
        return f.files().stream().map(Path::getParent).distinct().toList();
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void loadsFakesAsDatasets() {
        FashionMnist f = loadFrom(fakes.write(tmp.resolve("a"), true));
        assertEquals(Fakes.TRAIN, f.train().size());
        assertEquals(Fakes.TEST, f.test().size());
        assertEquals(784, f.train().dim());
        assertEquals(3, f.train().label(1));
        assertEquals(7, f.test().label(1));
        // Fakes: pixel k of image n is (n * 31 + k * seed) mod 256; seed 1 for train.
        assertEquals(((2 * 31 + 100) & 0xff) / 255f, f.train().feature(2, 100));
        assertEquals(((4 * 31 + 300 * 2) & 0xff) / 255f, f.test().feature(4, 300));
    }

    @Test
    void plainAndGzipFilesMayBeMixed() throws IOException {
        Path dir = tmp.resolve("mixed");
        fakes.write(dir, 0, false);
        fakes.write(dir, 1, true);
        fakes.write(dir, 2, true);
        fakes.write(dir, 3, false);
        FashionMnist f = loadFrom(dir);
        assertEquals(List.of(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte.gz"),
                dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte")), f.files());
    }

    @Test
    void explicitDirWinsOverEverythingElse() {
        Path explicit = fakes.write(tmp.resolve("explicit"), true);
        Path env = fakes.write(tmp.resolve("env"), true);
        Path system = fakes.write(tmp.resolve("system"), true);
        Path cache = fakes.write(tmp.resolve("cache"), true);
        assertEquals(List.of(explicit), parents(FashionMnist.load(locator(explicit, env, system, cache, List.of()))));
        assertEquals(List.of(env), parents(FashionMnist.load(locator(null, env, system, cache, List.of()))));
        assertEquals(List.of(system), parents(FashionMnist.load(locator(null, null, system, cache, List.of()))));
    }

    @Test
    void explicitDirLackingAFileIsAnErrorEvenIfOthersHaveIt() throws IOException {
        Path explicit = tmp.resolve("explicit");
        for (int i : new int[] {0, 1, 3}) {
            fakes.write(explicit, i, true);
        }
        Path system = fakes.write(tmp.resolve("system"), true);
        DataFileException e = fails(() -> FashionMnist.load(locator(explicit, null, system, tmp, List.of())),
                "t10k-images-idx3-ubyte.gz or t10k-images-idx3-ubyte in " + explicit,
                "FashionMnist.load(dir)", "found neither");
        assertEquals(explicit.resolve("t10k-images-idx3-ubyte").toString(), e.file());
        for (String way : WAYS) {
            assertTrue(e.getMessage().contains(way), () -> "no '" + way + "' in " + e.getMessage());
        }
    }

    @Test
    void explicitDirThatIsMissingIsAnError() {
        Path nowhere = tmp.resolve("nowhere");
        fails(() -> FashionMnist.load(locator(nowhere, null, fakes.write(tmp.resolve("s"), true), tmp, List.of())),
                nowhere.toString(), "no such directory", WAYS[0]);
    }

    @Test
    void envDirWithABadFileIsAnErrorNotAFallThrough() throws IOException {
        Path env = fakes.write(tmp.resolve("env"), false);
        Path labels = env.resolve("train-labels-idx1-ubyte");
        byte[] b = Files.readAllBytes(labels);
        b[8] = 9; // first label 0 -> 9: same size, wrong content
        Files.write(labels, b);
        Path system = fakes.write(tmp.resolve("system"), true);
        DataFileException e = fails(() -> FashionMnist.load(locator(null, env, system, tmp, List.of())),
                labels.toString(), "SHA-256 " + fakes.specs.get(1).sha256(), "found SHA-256 " + Fakes.hex("SHA-256", b),
                "Delete or replace " + labels, WAYS[1]);
        assertEquals(labels.toString(), e.file());
    }

    @Test
    void defaultsReadTheEnvironmentVariable() {
        Path empty = tmp.resolve("empty");
        // Real specs and the real system dir: the env dir must be used, and fail, before those are looked at.
        Map<String, String> env = Map.of(Locator.ENV_DIR, empty.toString(), "HOME", tmp.toString());
        fails(() -> FashionMnist.load(Locator.defaults(null, env)), empty.toString(),
                "the directory named by FASHION_MNIST_DIR", "no such directory");
        Path explicit = tmp.resolve("explicit");
        fails(() -> FashionMnist.load(Locator.defaults(explicit, env)), explicit.toString(), "FashionMnist.load(dir)");
    }

    @Test
    void cacheDirFollowsXdg() {
        assertEquals(Path.of("/x/cache/dropout-steps/fashion-mnist"),
                Locator.cacheDir(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/dropout-steps/fashion-mnist"),
                Locator.cacheDir(Map.of("HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/dropout-steps/fashion-mnist"),
                Locator.cacheDir(Map.of("XDG_CACHE_HOME", "relative/dir", "HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/dropout-steps/fashion-mnist"),
                Locator.cacheDir(Map.of("XDG_CACHE_HOME", "", "HOME", "/home/u")));
    }

    @Test
    void missingSystemDirFallsThroughToCache() {
        Path cache = fakes.write(tmp.resolve("cache"), true);
        FashionMnist f = FashionMnist.load(locator(null, null, tmp.resolve("no-such-dir"), cache, List.of()));
        assertEquals(List.of(cache), parents(f));
        assertTrue(log.isEmpty(), () -> "nothing should be downloaded: " + log);
    }

    @Test
    void filesMissingFromSystemDirAndCacheAreDownloaded() throws IOException {
        Path mirror = fakes.write(tmp.resolve("mirror"), true);
        Path system = tmp.resolve("system");
        fakes.write(system, 0, false);
        Path cache = tmp.resolve("cache");
        fakes.write(cache, 1, true);
        FashionMnist f = FashionMnist.load(locator(null, null, system, cache, List.of(mirror.toUri())));
        assertEquals(List.of(system.resolve("train-images-idx3-ubyte"), cache.resolve("train-labels-idx1-ubyte.gz"),
                cache.resolve("t10k-images-idx3-ubyte.gz"), cache.resolve("t10k-labels-idx1-ubyte.gz")), f.files());
        assertEquals(2, log.size(), () -> "two downloads expected: " + log);
        assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz"),
                listing(cache));
        // Now cached: loads again with no mirror at all.
        log.clear();
        FashionMnist again = FashionMnist.load(locator(null, null, system, cache, List.of()));
        assertArrayEquals(f.test().row(3), again.test().row(3));
        assertTrue(log.isEmpty());
    }

    @Test
    void nothingAnywhereSaysWhereItLookedAndHowToGetTheData() {
        Path system = tmp.resolve("system");
        Path cache = tmp.resolve("cache");
        fails(() -> FashionMnist.load(locator(null, null, system, cache, List.of())),
                "train-images-idx3-ubyte", system.toString(), cache.toString(), WAYS[0], WAYS[1], WAYS[2]);
    }

    @Test
    void truncatedPlainFile() throws IOException {
        Path dir = fakes.write(tmp.resolve("d"), false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, Arrays.copyOf(fakes.raw.get(0), 1000));
        long size = fakes.specs.get(0).size();
        fails(() -> loadFrom(dir), images.toString(), "expected " + size + " bytes once decompressed",
                "with SHA-256 " + fakes.specs.get(0).sha256(), "found only 1000 bytes", "truncated", WAYS[0]);
    }

    @Test
    void truncatedGzipFile() throws IOException {
        Path dir = fakes.write(tmp.resolve("d"), true);
        Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] gz = fakes.gz.get(2);
        Files.write(images, Arrays.copyOf(gz, gz.length - 20));
        fails(() -> loadFrom(dir), images.toString(), "expected " + fakes.specs.get(2).size() + " bytes",
                "truncated", WAYS[2]);
    }

    @Test
    void damagedGzipFile() throws IOException {
        Path dir = fakes.write(tmp.resolve("d"), true);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] gz = fakes.gz.get(3).clone();
        gz[gz.length - 7] ^= 1; // gzip trailer CRC
        Files.write(labels, gz);
        fails(() -> loadFrom(dir), labels.toString(), "SHA-256 " + fakes.specs.get(3).sha256(), "corrupt gzip data");
    }

    @Test
    void fileLongerThanExpected() throws IOException {
        Path dir = fakes.write(tmp.resolve("d"), false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, Arrays.copyOf(fakes.raw.get(1), fakes.raw.get(1).length + 3));
        fails(() -> loadFrom(dir), labels.toString(), "found " + (fakes.specs.get(1).size() + 3) + " bytes");
    }

    @Test
    void wrongImageShapeIsReportedEvenWhenChecksumsMatch() throws IOException {
        Fakes odd = new Fakes();
        byte[] images = Fakes.images(Fakes.TRAIN, 14, 56, 1);
        odd.raw.set(0, images);
        odd.specs.set(0, new DataFile("train-images-idx3-ubyte", images.length, Fakes.hex("SHA-256", images), "-"));
        Path dir = odd.write(tmp.resolve("odd"), false);
        Locator l = new Locator(dir, null, null, tmp, List.of(), odd.specs, log::add);
        fails(() -> FashionMnist.load(l), dir.resolve("train-images-idx3-ubyte").toString(), "28×28 images",
                "found 14×56", WAYS[0]);
    }
}
