package dropout.nn;

import dropout.arrays.Buffers;
import dropout.arrays.Scratch;
import dropout.arrays.Shapes;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The machinery every element-wise dropout layer shares (Bernoulli, Gaussian, alpha): per training pass, one
 * noise value per unit and example drawn from the layer's own stream into a preallocated buffer, the output
 * computed from input and noise, and the backward pass reusing that same noise; a pass that would be the
 * identity returns its input and draws nothing; prediction mode draws nothing either. A subclass says only what
 * differs: how noise is drawn, how it combines with the input, its derivative, and what prediction does.
 */
public abstract class NoiseLayer implements StochasticLayer {
    protected final int size;
    private final Scratch output;
    private final Scratch noise;
    private final Scratch inputGrad;
    private Rng rng;
    private INDArray lastNoise;
    private boolean lastWasIdentity;
    private boolean trained;

    protected NoiseLayer(int size, Rng rng) {
        if (size < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " size = " + size + ": a layer needs at least 1 unit");
        }
        this.size = size;
        this.rng = Objects.requireNonNull(rng, "rng: give the layer its own stream, e.g. Rng.seeded(seed).split()");
        this.output = new Scratch(size);
        this.noise = new Scratch(size);
        this.inputGrad = new Scratch(size);
    }

    /** Fixes this training pass's constants (rate, scales) and says whether the pass is the identity. */
    protected abstract boolean startTrainingPass();

    /** Draws {@code noise[0..n)} from {@code rng}. */
    protected abstract void sample(FloatBuffer noise, int n, Rng rng);

    /** The training output {@code y[i]} of input {@code x[i]} and noise {@code noise[i]}, i in [0, n). */
    protected abstract void combine(FloatBuffer x, FloatBuffer noise, FloatBuffer y, int n);

    /** {@code dx[i] = dy[i] · ∂y[i]/∂x[i]} with the noise of the forward pass. */
    protected abstract void derivative(FloatBuffer dy, FloatBuffer noise, FloatBuffer dx, int n);

    /** Prediction-mode output: the input itself unless a subclass scales it (into {@link #outputFor}). */
    protected INDArray predict(INDArray x) {
        return x;
    }

    /** The layer's output buffer for a batch shaped like {@code x}. */
    protected final INDArray outputFor(INDArray x) {
        return output.get(Shapes.rows(x));
    }

    @Override
    public final Rng swapRng(Rng replacement) {
        Rng old = rng;
        rng = Objects.requireNonNull(replacement, "replacement");
        return old;
    }

    /** The noise (or mask) of the last training-mode pass (live buffer; {@code dup()} to keep), or null when it was the identity. */
    protected final INDArray lastSample() {
        return trained && !lastWasIdentity ? lastNoise : null;
    }

    @Override
    public final INDArray forward(INDArray x, Mode mode) {
        Shapes.requireMatrix(x, size, toString());
        if (mode == Mode.PREDICT) {
            return predict(x);
        }
        trained = true;
        lastWasIdentity = startTrainingPass();
        if (lastWasIdentity) {
            return x;
        }
        int rows = Shapes.rows(x);
        int n = rows * size;
        INDArray y = output.get(rows);
        INDArray e = noise.get(rows);
        FloatBuffer es = Buffers.of(e);
        sample(es, n, rng);
        combine(Buffers.of(x), es, Buffers.of(y), n);
        lastNoise = e;
        return y;
    }

    @Override
    public final INDArray backward(INDArray dy, boolean inputGradient) {
        if (!trained) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + ".backward before forward: run a training-mode forward pass first");
        }
        if (!inputGradient) {
            return null;
        }
        if (lastWasIdentity) {
            return dy;
        }
        Shapes.requireSameShape(dy, lastNoise, getClass().getSimpleName() + ".backward");
        INDArray dx = inputGrad.get(Shapes.rows(dy));
        derivative(Buffers.of(dy), Buffers.of(lastNoise), Buffers.of(dx), (int) dy.length());
        return dx;
    }
}
