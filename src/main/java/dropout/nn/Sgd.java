package dropout.nn;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.List;

/** Plain mini-batch SGD: θ ← θ − η · ∂L/∂θ. */
public final class Sgd implements Optimizer {
    private final double learningRate;

    public Sgd(double learningRate) {
        requireLearningRate("learning rate", learningRate);
        this.learningRate = learningRate;
    }

    /**
     * A learning rate must be finite and > 0 as a float, the precision of the update: 1e300 would become
     * infinity and 1e-50 zero.
     */
    public static void requireLearningRate(String name, double learningRate) {
        float f = (float) learningRate;
        if (!(learningRate > 0.0) || !(f > 0f) || Float.isInfinite(f)) {
            throw new IllegalArgumentException(name + " = " + learningRate + ": it must be finite and > 0 in float, the"
                    + " precision of the update (" + Float.MIN_VALUE + " .. " + Float.MAX_VALUE + "; as a float it is " + f
                    + "). Pass a value such as 0.5 (d2l's)");
        }
    }

    public double learningRate() {
        return learningRate;
    }

    @Override
    public void step(List<Param> params) {
        float lr = (float) learningRate;
        for (Param p : params) {
            FloatBuffer v = Buffers.of(p.value());
            FloatBuffer g = Buffers.of(p.gradient());
            int n = (int) p.value().length();
            for (int i = 0; i < n; i++) {
                v.put(i, v.get(i) - lr * g.get(i));
            }
        }
    }
}
