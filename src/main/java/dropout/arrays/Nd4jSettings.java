package dropout.arrays;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Pins ND4J's OpenMP pool and OpenBLAS to one thread, once, before the library's first array.
 * Two reasons, both measured on a 2-core machine: on 2 cores the two pools spin against each other and every
 * workload runs 2.5–3× slower; and a matrix product's rounding depends on how many threads split it, so a
 * fixed count is what makes the same seed print the same numbers on every machine. Then, once, {@link BlasCheck}
 * prints one line to stderr if the products do not round the way the committed notebooks' did.
 */
public final class Nd4jSettings {
    private static boolean done;

    private Nd4jSettings() {
    }

    public static synchronized void ensure() {
        if (!done) {
            // Nd4j first: its start-up loads the native libraries NativeOpsHolder needs.
            Nd4j.factory().blas().setMaxThreads(1);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            done = true;
            BlasCheck.check().ifPresent(System.err::println);
        }
    }
}
