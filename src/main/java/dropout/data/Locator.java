package dropout.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the dataset files and checks them. Sources, in order: (a) a directory the caller names;
 * (b) the directory in {@value #ENV_DIR}; (c) the Debian package's directory; (d) a per-user cache;
 * (e) a download into that cache. (a) and (b) must hold every file; (c) and (d) are tried file by
 * file and what they lack comes from (e). Package-private: tests build one with temporary
 * directories and a local mirror.
 */
final class Locator {
    static final String ENV_DIR = "FASHION_MNIST_DIR";
    static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    static final List<URI> MIRRORS = List.of(
            URI.create("https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"),
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    /** A verified file: where it was read from and its decompressed bytes. */
    record Found(DataFile spec, Path path, byte[] bytes) {
    }

    private final Path explicitDir;
    private final Path envDir;
    private final Path systemDir;
    private final Path cacheDir;
    private final List<URI> mirrors;
    private final List<DataFile> files;
    private final Consumer<String> log;

    /**
     * Any of {@code explicitDir}, {@code envDir}, {@code systemDir} may be null (source not used);
     * {@code mirrors} empty means no download. Each mirror is a base URI ending in '/'.
     */
    Locator(Path explicitDir, Path envDir, Path systemDir, Path cacheDir, List<URI> mirrors, List<DataFile> files,
            Consumer<String> log) {
        this.explicitDir = explicitDir;
        this.envDir = envDir;
        this.systemDir = systemDir;
        this.cacheDir = cacheDir;
        this.mirrors = List.copyOf(mirrors);
        this.files = List.copyOf(files);
        this.log = log;
    }

    /** The real sources, read from {@code env} (normally {@link System#getenv()}). */
    static Locator defaults(Path explicitDir, Map<String, String> env) {
        String dir = env.get(ENV_DIR);
        Path envDir = dir == null || dir.isBlank() ? null : Path.of(dir);
        return new Locator(explicitDir, envDir, SYSTEM_DIR, cacheDir(env), MIRRORS, DataFile.FASHION_MNIST,
                System.err::println);
    }

    /**
     * {@code ${XDG_CACHE_HOME:-$HOME/.cache}/dropout-steps/fashion-mnist}; a relative XDG_CACHE_HOME is
     * ignored, as the XDG spec says.
     */
    static Path cacheDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = env.get("HOME");
            base = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".cache");
        }
        return base.resolve("dropout-steps").resolve("fashion-mnist");
    }

    /** Every file, verified, in the order of {@code files}. */
    List<Found> find() {
        if (explicitDir != null) {
            return fromDir(explicitDir, "the directory passed to FashionMnist.load(dir)");
        }
        if (envDir != null) {
            return fromDir(envDir, "the directory named by " + ENV_DIR);
        }
        List<Path> paths = new ArrayList<>();
        for (DataFile f : files) {
            Path p = systemDir == null ? null : existing(systemDir, f);
            if (p == null) {
                p = existing(cacheDir, f);
            }
            paths.add(p != null ? p : download(f));
        }
        return readAll(paths);
    }

    /** How to get the data, for the end of every error message. */
    String ways() {
        return "Ways to get Fashion-MNIST: apt-get install " + DEBIAN_PACKAGE + " (installs " + SYSTEM_DIR
                + "); or set " + ENV_DIR + "=/path/to/dir holding the four files (each as name.gz or name); "
                + "or allow the download: FashionMnist.load() fetches them from github.com into " + cacheDir
                + " when the network is reachable.";
    }

    private List<Found> fromDir(Path dir, String role) {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir.toString(), "a directory holding the Fashion-MNIST files (" + role + ")",
                    Files.exists(dir) ? "something that is not a directory" : "no such directory", ways());
        }
        List<Path> paths = new ArrayList<>();
        for (DataFile f : files) {
            Path p = existing(dir, f);
            if (p == null) {
                throw new DataFileException(dir.resolve(f.name()).toString(),
                        f.gzName() + " or " + f.name() + " in " + dir + " (" + role + ")", "neither", ways());
            }
            paths.add(p);
        }
        return readAll(paths);
    }

    private List<Found> readAll(List<Path> paths) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            found.add(read(paths.get(i), files.get(i)));
        }
        return found;
    }

    /** {@code dir/name} or {@code dir/name.gz}, whichever is there (plain first: no inflating), else null. */
    private static Path existing(Path dir, DataFile f) {
        Path plain = dir.resolve(f.name());
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(f.gzName());
        return Files.isRegularFile(gz) ? gz : null;
    }

    /** Decompresses {@code path} and checks its size and SHA-256 against {@code f}. */
    private Found read(Path path, DataFile f) {
        String file = path.toString();
        String fix = "Delete or replace " + path + ". " + ways();
        String expected = f.size() + " bytes once decompressed, with SHA-256 " + f.sha256();
        byte[] bytes = new byte[(int) f.size()];
        int n;
        long extra = 0;
        try (InputStream in = Idx.decompressed(Files.newInputStream(path), file)) {
            n = Idx.readFully(in, bytes, 0, bytes.length, file);
            byte[] rest = new byte[1 << 16];
            int m;
            while ((m = Idx.readFully(in, rest, 0, rest.length, file)) > 0) {
                extra += m;
            }
        } catch (DataFileException e) {
            throw new DataFileException(file, expected, e.found(), fix, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
        }
        if (n >= 4 && Idx.bigEndian(bytes, 0) != f.magic()) {
            int found = Idx.bigEndian(bytes, 0);
            throw new DataFileException(file, "an IDX file starting with magic number " + f.magic()
                    + Idx.describeMagic(f.magic()), "magic number " + found + Idx.describeMagic(found)
                    + ": this is not " + f.name(), fix);
        }
        if (n < bytes.length) {
            throw new DataFileException(file, expected, "only " + n + " bytes (the file is truncated)", fix);
        }
        if (extra > 0) {
            throw new DataFileException(file, expected, (f.size() + extra) + " bytes", fix);
        }
        String sha = HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
        if (!sha.equals(f.sha256())) {
            throw new DataFileException(file, expected,
                    "SHA-256 " + sha + " (the right size, wrong content: corrupt, or not this dataset)", fix);
        }
        return new Found(f, path, bytes);
    }

    /**
     * Downloads {@code f.gz} into the cache from the first mirror that gives the right MD5. Each try
     * writes a temporary file beside the target and renames it atomically, so a failed or corrupt
     * transfer leaves nothing behind.
     */
    Path download(DataFile f) {
        Path target = cacheDir.resolve(f.gzName());
        if (mirrors.isEmpty()) {
            throw new DataFileException(f.name(), f.gzName() + " or " + f.name() + " in "
                    + (systemDir == null ? "" : systemDir + " or ") + cacheDir, "neither, and downloading is off",
                    ways());
        }
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the cache directory " + cacheDir + ": " + e
                    + ". Set " + ENV_DIR + " to a directory holding the files instead.", e);
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(f.gzName());
            log.accept("Fashion-MNIST: downloading " + uri + " into " + cacheDir);
            Path tmp = null;
            try {
                tmp = Files.createTempFile(cacheDir, "." + f.gzName() + ".", ".part");
                String md5 = fetch(uri, tmp);
                if (md5.equals(f.gzMd5())) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                }
                failures.add(uri + ": MD5 " + md5 + " (" + Files.size(tmp) + " bytes)");
            } catch (IOException e) {
                failures.add(uri + ": " + e);
            } finally {
                deleteQuietly(tmp);
            }
        }
        throw new DataFileException(target.toString(), "a download with MD5 " + f.gzMd5() + " from one of " + mirrors,
                String.join("; ", failures), ways());
    }

    /** Copies {@code uri} into {@code out}; returns the MD5 of what arrived. */
    private static String fetch(URI uri, Path out) throws IOException {
        URLConnection conn = uri.toURL().openConnection();
        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
        conn.setReadTimeout(READ_TIMEOUT_MS);
        if (conn instanceof HttpURLConnection http && http.getResponseCode() != HttpURLConnection.HTTP_OK) {
            int code = http.getResponseCode();
            String message = http.getResponseMessage();
            http.disconnect();
            throw new IOException("HTTP " + code + (message == null ? "" : " " + message));
        }
        long announced = conn.getContentLengthLong();
        MessageDigest md5 = digest("MD5");
        long total = 0;
        try (InputStream in = conn.getInputStream(); OutputStream os = Files.newOutputStream(out)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md5.update(buf, 0, n);
                os.write(buf, 0, n);
                total += n;
            }
        }
        if (announced >= 0 && total != announced) {
            throw new IOException("transfer ended after " + total + " of " + announced + " bytes");
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Nothing better to do; the download error (if any) is the one worth reporting.
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK, which every JDK must provide", e);
        }
    }
}
