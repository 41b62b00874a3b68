package dropout.nn;

import dropout.arrays.Buffers;
import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.Mask;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dropout layer in any Bernoulli style ({@link dropout.core.VanillaDropout}, {@link dropout.core.InvertedDropout},
 * {@link dropout.core.UnscaledDropout}).
 * Training: y = x · m · trainScale with a fresh mask m per call; the backward pass reuses that same mask,
 * dx = dy · m · trainScale. Prediction: y = x · predictScale (the input itself when that scale is 1).
 */
public final class DropoutLayer extends NoiseLayer {
    private Dropout dropout;
    private float lastScale;

    public DropoutLayer(int size, Dropout dropout, Rng rng) {
        super(size, rng);
        this.dropout = java.util.Objects.requireNonNull(dropout, "dropout");
    }

    @Override
    public Dropout style() {
        return dropout;
    }

    @Override
    public DropoutRate rate() {
        return dropout.rate();
    }

    @Override
    public void setRate(DropoutRate rate) {
        dropout = dropout.withRate(rate);
    }

    /** Replaces the style (and rate) of dropout, keeping the mask stream. */
    @Override
    public void setStyle(Dropout dropout) {
        this.dropout = java.util.Objects.requireNonNull(dropout, "dropout");
    }

    /** The mask of the last training-mode pass (live buffer; {@code dup()} to keep), or null if none. */
    public INDArray lastMask() {
        return lastSample();
    }

    @Override
    protected INDArray predict(INDArray x) {
        float s = dropout.predictScale();
        if (s == 1f) {
            return x;
        }
        INDArray y = outputFor(x);
        FloatBuffer xs = Buffers.of(x);
        FloatBuffer ys = Buffers.of(y);
        int n = (int) x.length();
        for (int i = 0; i < n; i++) {
            ys.put(i, xs.get(i) * s);
        }
        return y;
    }

    @Override
    protected boolean startTrainingPass() {
        lastScale = dropout.trainScale();
        return dropout.rate().keepProbability() == 1.0 && lastScale == 1f;
    }

    @Override
    protected void sample(FloatBuffer mask, int n, Rng rng) {
        Mask.fill(mask, n, dropout.rate(), rng);
    }

    @Override
    protected void combine(FloatBuffer x, FloatBuffer mask, FloatBuffer y, int n) {
        masked(x, mask, y, n, lastScale);
    }

    /** y is linear in x, so its derivative is the same map: dx = dy · m · trainScale. */
    @Override
    protected void derivative(FloatBuffer dy, FloatBuffer mask, FloatBuffer dx, int n) {
        masked(dy, mask, dx, n, lastScale);
    }

    private static void masked(FloatBuffer a, FloatBuffer mask, FloatBuffer out, int n, float s) {
        for (int i = 0; i < n; i++) {
            out.put(i, a.get(i) * mask.get(i) * s);
        }
    }

    @Override
    public String toString() {
        return dropout.getClass().getSimpleName() + "(" + dropout.rate() + ")";
    }
}
