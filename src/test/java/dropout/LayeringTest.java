package dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form layers, and a package uses only packages of lower layers: reading the list from
 * the top is reading the table of contents from the idea down to its machinery. Checked over the sources'
 * imports and fully qualified names (comments and strings left out).
 */
class LayeringTest {
    /** Lowest first; packages on one line are peers and do not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("arrays", "report"),       // ND4J buffers and shapes; printed tables and lines
            List.of("core"),                   // randomness, drop rates, Bernoulli masks and dropout styles
            List.of("data"),                   // datasets and their files
            List.of("nn"),                     // layers, networks, the stochastic-layer contract and its scope
            List.of("variants", "norm"),       // other dropouts (Gaussian, alpha, DropConnect, Standout); batch-norm analysis
            List.of("train"),                  // the training loop and its record
            List.of("early"),                  // early-dropout schedules
            List.of("measure"),                // measurement tools: moments, expectation, MC dropout, probes, seed statistics
            List.of("charts"),                 // pictures of what training and measuring produced
            List.of("bench", "exercises"));    // benchmarks; notebooks' check-your-answer helpers
    private static final Path MAIN = Path.of("src/main/java/dropout");
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])dropout\\.([a-z]\\w*)\\.[A-Z]");

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** Source without comments and string literals, so that only code references count. */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    /** For each package, the packages its sources reference, with one file that does. */
    static Map<String, Map<String, Path>> references() throws IOException {
        Map<String, Map<String, Path>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                Matcher m = REFERENCE.matcher(code(Files.readString(f)));
                while (m.find()) {
                    uses.computeIfAbsent(pkg, k -> new HashMap<>()).putIfAbsent(m.group(1), f);
                }
            }
        }
        return uses;
    }

    @Test
    void everyPackageHasALayer() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(p -> layerOf(p) < 0).forEach(missing::add);
        }
        assertTrue(missing.isEmpty(), "packages " + missing + " have no layer: add each to LAYERS above what it uses");
    }

    @Test
    void noImportRunsUpwardOrSideways() throws IOException {
        List<String> wrong = new ArrayList<>();
        references().forEach((from, targets) -> targets.forEach((to, file) -> {
            if (!to.equals(from) && layerOf(to) >= layerOf(from)) {
                wrong.add(from + " -> " + to + " (" + file + ")");
            }
        }));
        assertEquals(List.of(), wrong.stream().sorted().toList(),
                "a package may use only packages of lower layers: move the shared piece down, or the user up");
    }

    @Test
    void theCheckSeesAnUpwardReference() {
        Matcher m = REFERENCE.matcher(code("/* dropout.train.History */ x = new dropout.norm.BatchNorm(4); s = \"dropout.measure.X\";"));
        assertTrue(m.find());
        assertEquals("norm", m.group(1));
        assertFalse(m.find(), "comments and strings do not count");
    }
}
