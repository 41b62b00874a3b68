package dropout.arrays;

import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tells whether this JVM's matrix products round the way they did when the committed notebooks were executed.
 * <p>
 * ND4J's OpenBLAS picks its product kernel by CPU when it loads, and kernels add in different orders: the same
 * seed then trains to different digits. The project pins the kernel with
 * {@code OPENBLAS_CORETYPE=Haswell} (kernel.json, the headless runner, Maven), which every x86-64 CPU with AVX2
 * runs, and one BLAS thread ({@link Nd4jSettings}). This check does not trust names: it multiplies two fixed
 * 128×128 matrices and compares the bits of the product with those of the pinned set-up, which catches another
 * kernel, another thread count and another OpenBLAS build alike (they each change the fingerprint; measured).
 */
final class BlasCheck {
    /** Product fingerprint with OpenBLAS 0.3.19 (ND4J 1.0.0-M2.1), kernel Haswell (= Zen), one thread. */
    static final long PINNED_FINGERPRINT = 0xd1404c7482f7cbc6L;
    static final String PIN = "OPENBLAS_CORETYPE=Haswell";
    private static final int N = 128;

    private BlasCheck() {
    }

    /**
     * FNV-1a over the bits of A·B for two fixed N×N matrices with entries in [-1, 1), computed both ways the
     * library multiplies ({@code Nd4j.gemm} and {@link Gemm}'s direct call); if the two ways disagree, neither
     * rounds as committed, and the value returned is not the pinned one.
     */
    static long fingerprint() {
        INDArray a = fixedMatrix(0x9E3779B1);
        INDArray b = fixedMatrix(0x85EBCA77);
        INDArray viaNd4j = Nd4j.create(DataType.FLOAT, new long[] {N, N}, 'c');
        Nd4j.gemm(a, b, viaNd4j, false, false, 1.0, 0.0);
        INDArray direct = Nd4j.create(DataType.FLOAT, new long[] {N, N}, 'c');
        Gemm.product(a, b, direct, false, false, 1f);
        long h = hash(viaNd4j);
        long d = hash(direct);
        return h == d ? h : h ^ d;
    }

    private static long hash(INDArray c) {
        long h = 0xcbf29ce484222325L;
        for (float v : c.data().asFloat()) {
            h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return h;
    }

    private static INDArray fixedMatrix(int multiplier) {
        float[] values = new float[N * N];
        for (int i = 0; i < values.length; i++) {
            values[i] = (((i + 1) * multiplier) >>> 8) / (float) (1 << 23) - 1f;
        }
        return Nd4j.create(values, new long[] {N, N}, 'c');
    }

    /** The one line to print when {@code observed} is not the pinned fingerprint; empty when it is. */
    static Optional<String> warning(long observed, String coretype, String arch) {
        if (observed == PINNED_FINGERPRINT) {
            return Optional.empty();
        }
        String kernel = coretype == null || coretype.isBlank() ? "chosen by the CPU" : "OPENBLAS_CORETYPE=" + coretype;
        boolean x86 = arch != null && (arch.equals("amd64") || arch.equals("x86_64"));
        String fix;
        if (!x86) {
            fix = "the committed digits come from x86-64 CPUs with AVX2; here everything runs, to slightly different digits";
        } else if ("Haswell".equalsIgnoreCase(coretype)) {
            fix = "the kernel is pinned, so the OpenBLAS build or its thread count differs: use the project's ND4J"
                    + " (pom.xml) and one BLAS thread (dropout.arrays.Nd4jSettings)";
        } else {
            fix = "to print them, start this JVM (the Jupyter kernel) with " + PIN + " in its environment"
                    + " (src/main/scripts/install-kernel.sh writes it into kernel.json)";
        }
        return Optional.of(String.format(Locale.ROOT,
                "dropout-steps: matrix products here (%s, BLAS kernel %s, fingerprint %016x) do not round like the"
                        + " committed notebooks' (%s, one thread), so numbers will differ from the committed ones; %s.",
                arch, kernel, observed, PIN, fix));
    }

    /** Runs the check in this JVM: the warning line, or empty when the products round as committed. */
    static Optional<String> check() {
        return warning(fingerprint(), System.getenv("OPENBLAS_CORETYPE"), System.getProperty("os.arch"));
    }
}
