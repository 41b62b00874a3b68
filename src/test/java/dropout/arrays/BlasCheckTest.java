package dropout.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlasCheckTest {
    private static final boolean X86 = List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));

    @Test
    void pinnedSetUpRoundsLikeTheCommittedNotebooks() {
        assumeTrue(X86, "the committed digits come from x86-64 CPUs");
        Nd4jSettings.ensure();
        // Surefire starts this JVM with OPENBLAS_CORETYPE=Haswell (pom.xml), as kernel.json does the notebooks'.
        assertEquals(Long.toHexString(BlasCheck.PINNED_FINGERPRINT), Long.toHexString(BlasCheck.fingerprint()),
                "fingerprint with OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE"));
        assertTrue(BlasCheck.check().isEmpty());
    }

    @Test
    void fingerprintIsTheSameEveryTime() {
        Nd4jSettings.ensure();
        assertEquals(BlasCheck.fingerprint(), BlasCheck.fingerprint());
    }

    @Test
    void warningIsOneLineNamingTheKernelAndTheFix() {
        assertTrue(BlasCheck.warning(BlasCheck.PINNED_FINGERPRINT, null, "amd64").isEmpty());
        String other = BlasCheck.warning(0x1234L, "SandyBridge", "amd64").orElseThrow();
        assertFalse(other.contains("\n"), other);
        assertTrue(other.contains("OPENBLAS_CORETYPE=SandyBridge") && other.contains("numbers will differ")
                && other.contains("start this JVM (the Jupyter kernel) with OPENBLAS_CORETYPE=Haswell"), other);
        String unpinned = BlasCheck.warning(0x1234L, null, "amd64").orElseThrow();
        assertTrue(unpinned.contains("BLAS kernel chosen by the CPU"), unpinned);
        String pinned = BlasCheck.warning(0x1234L, "Haswell", "amd64").orElseThrow();
        assertTrue(pinned.contains("one BLAS thread"), pinned);
        String arm = BlasCheck.warning(0x1234L, null, "aarch64").orElseThrow();
        assertTrue(arm.contains("aarch64") && arm.contains("slightly different digits"), arm);
    }

    /** A JVM started with another kernel prints the warning once, however often the library starts ND4J. */
    @Test
    void anotherKernelPrintsOneLineOnce() throws IOException, InterruptedException {
        assumeTrue(X86, "SandyBridge is an x86-64 kernel");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StartTwice.class.getName());
        pb.environment().put("OPENBLAS_CORETYPE", "SandyBridge");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> l.startsWith("dropout-steps:")).toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).contains("OPENBLAS_CORETYPE=SandyBridge"), lines.get(0));
    }

    static final class StartTwice {
        public static void main(String[] args) {
            Nd4jSettings.ensure();
            Buffers.matrix(2, 2);
            Nd4jSettings.ensure();
        }
    }
}
