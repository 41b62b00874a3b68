package dropout.nn;

import dropout.core.Dropout;
import dropout.core.DropoutRate;
import dropout.core.Mask;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dropout layer in either style ({@link dropout.core.VanillaDropout} or {@link dropout.core.InvertedDropout}).
 * Training: y = x · m · trainScale with a fresh mask m per call; the backward pass reuses that same mask,
 * dx = dy · m · trainScale. Prediction: y = x · predictScale (the input itself when that scale is 1).
 */
public final class DropoutLayer implements Layer, RateAdjustable {
    private final int size;
    private final Scratch output;
    private final Scratch masks;
    private final Scratch inputGrad;
    private Dropout dropout;
    private Rng rng;
    private INDArray lastMask;
    private float lastScale;
    private boolean lastWasIdentity;
    private boolean trained;

    public DropoutLayer(int size, Dropout dropout, Rng rng) {
        this.size = size;
        this.output = new Scratch(size);
        this.masks = new Scratch(size);
        this.inputGrad = new Scratch(size);
        this.dropout = java.util.Objects.requireNonNull(dropout, "dropout");
        this.rng = rng;
    }

    public Dropout dropout() {
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
    public void setDropout(Dropout dropout) {
        this.dropout = java.util.Objects.requireNonNull(dropout, "dropout");
    }

    /** Replaces the mask stream (for example to take a measurement without advancing the training stream). */
    public Rng swapRng(Rng replacement) {
        Rng old = rng;
        rng = replacement;
        return old;
    }

    /** The mask of the last training-mode pass (live buffer; {@code dup()} to keep), or null if none. */
    public INDArray lastMask() {
        return lastWasIdentity ? null : lastMask;
    }

    @Override
    public INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, size, "DropoutLayer(" + size + ")");
        if (mode == Mode.PREDICT) {
            float s = dropout.predictScale();
            if (s == 1f) {
                return x;
            }
            INDArray y = output.get(Shapes.rows(x));
            FloatBuffer xs = Buffers.of(x);
            FloatBuffer ys = Buffers.of(y);
            int n = (int) x.length();
            for (int i = 0; i < n; i++) {
                ys.put(i, xs.get(i) * s);
            }
            return y;
        }
        trained = true;
        lastScale = dropout.trainScale();
        lastWasIdentity = dropout.rate().keepProbability() == 1.0 && lastScale == 1f;
        if (lastWasIdentity) {
            return x;
        }
        int rows = Shapes.rows(x);
        INDArray y = output.get(rows);
        INDArray m = masks.get(rows);
        int n = (int) x.length();
        FloatBuffer ms = Buffers.of(m);
        Mask.fill(ms, n, dropout.rate(), rng);
        FloatBuffer xs = Buffers.of(x);
        FloatBuffer ys = Buffers.of(y);
        float s = lastScale;
        for (int i = 0; i < n; i++) {
            ys.put(i, xs.get(i) * ms.get(i) * s);
        }
        lastMask = m;
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradient) {
        if (!trained) {
            throw new IllegalStateException("DropoutLayer.backward before a training-mode forward pass: run forward(x, Mode.TRAIN) first");
        }
        if (!inputGradient) {
            return null;
        }
        if (lastWasIdentity) {
            return dy;
        }
        Shapes.requireSameShape(dy, lastMask, "DropoutLayer.backward");
        INDArray dx = inputGrad.get(Shapes.rows(dy));
        FloatBuffer dys = Buffers.of(dy);
        FloatBuffer ms = Buffers.of(lastMask);
        FloatBuffer dxs = Buffers.of(dx);
        float s = lastScale;
        int n = (int) dy.length();
        for (int i = 0; i < n; i++) {
            dxs.put(i, dys.get(i) * ms.get(i) * s);
        }
        return dx;
    }

    @Override
    public String toString() {
        return dropout.getClass().getSimpleName() + "(" + dropout.rate() + ")";
    }
}
