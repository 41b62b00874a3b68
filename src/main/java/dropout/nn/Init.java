package dropout.nn;

import dropout.arrays.Buffers;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** How a dense layer's weights start, and its biases (0 unless the scheme says otherwise). */
@FunctionalInterface
public interface Init {

    /** Fills {@code weights} (shape [in, out]). */
    void fill(INDArray weights, Rng rng);

    /**
     * Fills {@code bias} (shape [1, out]) of a layer with {@code fanIn} inputs, after its weights, from the same
     * stream. The default leaves it at 0 and draws nothing, so schemes without a bias rule use no random numbers here.
     */
    default void fillBias(INDArray bias, int fanIn, Rng rng) {
    }

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

    /**
     * PyTorch's default for {@code nn.Linear(in, out)}: weights and biases both Uniform(−1/√fanIn, 1/√fanIn)
     * (its kaiming_uniform with a = √5 for the weights, the same bound for the bias).
     */
    static Init pytorchLinear() {
        return new Init() {
            @Override
            public void fill(INDArray weights, Rng rng) {
                uniform(weights, 1.0 / Math.sqrt(weights.size(0)), rng);
            }

            @Override
            public void fillBias(INDArray bias, int fanIn, Rng rng) {
                uniform(bias, 1.0 / Math.sqrt(fanIn), rng);
            }

            @Override
            public String toString() {
                return "Init.pytorchLinear()";
            }
        };
    }

    /** Uniform(−bound, bound) into every element of {@code a}. */
    private static void uniform(INDArray a, double bound, Rng rng) {
        FloatBuffer b = Buffers.of(a);
        int n = (int) a.length();
        for (int i = 0; i < n; i++) {
            b.put(i, (float) (bound * (2.0 * rng.uniform() - 1.0)));
        }
    }
}
