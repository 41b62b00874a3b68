package dropout.nn;

import dropout.arrays.Buffers;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** How a dense layer's weights start. Biases start at 0. */
@FunctionalInterface
public interface Init {

    /** Fills {@code weights} (shape [in, out]). */
    void fill(INDArray weights, Rng rng);

    /** Normal(0, σ²), d2l's choice with σ = 0.01. */
    static Init normal(double sigma) {
        if (!(sigma >= 0.0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + ": the standard deviation must be finite and ≥ 0");
        }
        return (w, rng) -> {
            FloatBuffer b = Buffers.of(w);
            int n = (int) w.length();
            for (int i = 0; i < n; i++) {
                b.put(i, (float) (sigma * rng.gaussian()));
            }
        };
    }

    /** d2l's default: Normal(0, 0.01²). */
    static Init d2l() {
        return normal(0.01);
    }

    /** He et al. (2015): Normal(0, 2 / fanIn), for ReLU nets. */
    static Init he() {
        return (w, rng) -> normal(Math.sqrt(2.0 / w.size(0))).fill(w, rng);
    }

    /** LeCun normal: Normal(0, 1 / fanIn), what SELU nets need. */
    static Init lecun() {
        return (w, rng) -> normal(Math.sqrt(1.0 / w.size(0))).fill(w, rng);
    }
}
