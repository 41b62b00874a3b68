package dropout.core;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bernoulli dropout masks: 1 where a unit is kept (probability q), 0 where it is dropped.
 * Each draw compares 32 random bits with ⌊q · 2³²⌋, so q = 1 keeps every unit and q = 0 none, exactly.
 */
public final class Mask {
    private static final double TWO_32 = 4294967296.0;

    private Mask() {
    }

    /** A new 0/1 float mask of the given shape. */
    public static INDArray sample(DropoutRate rate, Rng rng, long... shape) {
        INDArray m = Nd4j.create(DataType.FLOAT, shape);
        fill(Buffers.of(m), (int) m.length(), rate, rng);
        return m;
    }

    /** Writes n mask values (1 kept, 0 dropped) into {@code out[0..n)}. */
    public static void fill(FloatBuffer out, int n, DropoutRate rate, Rng rng) {
        long threshold = threshold(rate.keepProbability());
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long bits = rng.bits();
            out.put(i, kept(bits >>> 32, threshold));
            out.put(i + 1, kept(bits & 0xFFFFFFFFL, threshold));
        }
        if (i < n) {
            out.put(i, kept(rng.bits() >>> 32, threshold));
        }
    }

    /** 1 if the 32-bit draw is below the threshold else 0, without a branch (at q = 0.5 a branch mispredicts half the time). */
    public static float kept(long draw, long threshold) {
        return (float) ((draw - threshold) >>> 63);
    }

    /** ⌊q · 2³²⌋ for keep probability q: a 32-bit draw below it means "keep". */
    public static long threshold(double q) {
        return (long) Math.floor(q * TWO_32);
    }
}
