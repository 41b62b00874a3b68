package dropout.nn;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.List;

/** Plain mini-batch SGD: θ ← θ − η · ∂L/∂θ. */
public final class Sgd {
    private final double learningRate;

    public Sgd(double learningRate) {
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate = " + learningRate + ": it must be finite and > 0 (d2l uses 0.5 here)");
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

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
