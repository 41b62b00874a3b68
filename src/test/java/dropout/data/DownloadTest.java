package dropout.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download into the cache, against a loopback HTTP server: /good/ serves the fakes, /bad/ serves
 * other bytes, /cut/ announces the full length and closes halfway; anything else is a 404.
 */
class DownloadTest {
    private final Fakes fakes = new Fakes();
    private final List<String> log = new ArrayList<>();
    private HttpServer server;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().split("/");
        String mode = parts.length == 3 ? parts[1] : "";
        int i = parts.length == 3 ? indexOf(parts[2]) : -1;
        if (i < 0 || !List.of("good", "bad", "cut").contains(mode)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] body = fakes.gz.get(i);
        if (mode.equals("bad")) {
            body = Fakes.gzip(Arrays.copyOf(fakes.raw.get(i), fakes.raw.get(i).length - 1));
        }
        ex.sendResponseHeaders(200, body.length);
        OutputStream os = ex.getResponseBody();
        if (mode.equals("cut")) {
            os.write(body, 0, body.length / 2);
            os.flush();
            ex.close(); // fewer bytes than announced: the server drops the connection
            return;
        }
        os.write(body);
        ex.close();
    }

    private int indexOf(String gzName) {
        for (int i = 0; i < 4; i++) {
            if (fakes.specs.get(i).gzName().equals(gzName)) {
                return i;
            }
        }
        return -1;
    }

    private URI mirror(String mode) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/");
    }

    private Locator locator(Path cache, URI... mirrors) {
        return new Locator(null, null, null, cache, List.of(mirrors), fakes.specs, log::add);
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
    void goodFileLandsVerified() throws IOException {
        Path cache = tmp.resolve("cache");
        Path got = locator(cache, mirror("good")).download(fakes.specs.get(0));
        assertEquals(cache.resolve("train-images-idx3-ubyte.gz"), got);
        assertArrayEquals(fakes.gz.get(0), Files.readAllBytes(got));
        assertEquals(List.of("train-images-idx3-ubyte.gz"), listing(cache), "only the file itself, no temp file");
        assertEquals(1, log.size());
    }

    @Test
    void badMd5LeavesNothing() throws IOException {
        Path cache = tmp.resolve("cache");
        DataFile spec = fakes.specs.get(1);
        DataFileException e = assertThrows(DataFileException.class, () -> locator(cache, mirror("bad")).download(spec));
        String bad = Fakes.hex("MD5", Fakes.gzip(Arrays.copyOf(fakes.raw.get(1), fakes.raw.get(1).length - 1)));
        for (String s : new String[] {cache.resolve(spec.gzName()).toString(), "expected a download with MD5 "
            + spec.gzMd5(), mirror("bad") + spec.gzName() + ": MD5 " + bad, "apt-get install dataset-fashion-mnist"}) {
            assertTrue(e.getMessage().contains(s), () -> "no '" + s + "' in " + e.getMessage());
        }
        assertEquals(List.of(), listing(cache));
    }

    @Test
    void truncatedTransferLeavesNothing() throws IOException {
        Path cache = tmp.resolve("cache");
        DataFile spec = fakes.specs.get(2);
        DataFileException e = assertThrows(DataFileException.class, () -> locator(cache, mirror("cut")).download(spec));
        String expected = mirror("cut") + spec.gzName() + ": java.io.IOException: transfer ended after";
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(List.of(), listing(cache));
    }

    @Test
    void mirrorsAreTriedInOrder() throws IOException {
        Path cache = tmp.resolve("cache");
        Path got = locator(cache, mirror("missing"), mirror("cut"), mirror("bad"), mirror("good"))
                .download(fakes.specs.get(3));
        assertArrayEquals(fakes.gz.get(3), Files.readAllBytes(got));
        assertEquals(4, log.size(), () -> "log: " + log);
        assertTrue(log.get(0).contains(mirror("missing").toString()) && log.get(3).contains(mirror("good").toString()),
                () -> "log: " + log);
        assertEquals(List.of("t10k-labels-idx1-ubyte.gz"), listing(cache));
    }

    @Test
    void everyMirrorFailingListsEachFailure() throws IOException {
        Path cache = tmp.resolve("cache");
        DataFile spec = fakes.specs.get(3);
        DataFileException e = assertThrows(DataFileException.class,
                () -> locator(cache, mirror("missing"), mirror("cut")).download(spec));
        assertTrue(e.getMessage().contains(mirror("missing") + spec.gzName() + ": java.io.IOException: HTTP 404"),
                e.getMessage());
        assertTrue(e.getMessage().contains(mirror("cut") + spec.gzName() + ": "), e.getMessage());
        assertEquals(List.of(), listing(cache));
    }

    @Test
    void fileUriMirror() throws IOException {
        Path mirror = fakes.write(tmp.resolve("mirror"), true);
        Path cache = tmp.resolve("cache");
        Path got = locator(cache, tmp.resolve("empty").toUri(), mirror.toUri()).download(fakes.specs.get(1));
        assertArrayEquals(fakes.gz.get(1), Files.readAllBytes(got));
        assertEquals(List.of("train-labels-idx1-ubyte.gz"), listing(cache));
    }

    @Test
    void loadDownloadsEverythingThenUsesTheCache() throws IOException {
        Path cache = tmp.resolve("cache");
        FashionMnist f = FashionMnist.load(locator(cache, mirror("good")));
        assertEquals(Fakes.TRAIN, f.train().size());
        assertEquals(4, log.size());
        assertEquals(4, listing(cache).size());
        log.clear();
        FashionMnist again = FashionMnist.load(locator(cache, mirror("bad")));
        assertArrayEquals(f.train().row(5), again.train().row(5));
        assertTrue(log.isEmpty(), () -> "cached files must not be fetched again: " + log);
    }
}
