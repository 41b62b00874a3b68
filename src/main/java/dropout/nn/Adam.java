package dropout.nn;

import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba, 2015) with decoupled weight decay, AdamW (Loshchilov &amp; Hutter, 2019), the optimizer
 * of Liu et al.'s early-dropout runs. Per parameter element, at step t = 1, 2, …:
 * <pre>
 *   m ← β₁·m + (1−β₁)·g          v ← β₂·v + (1−β₂)·g²
 *   m̂ = m / (1−β₁ᵗ)              v̂ = v / (1−β₂ᵗ)
 *   θ ← θ − η·(m̂ / (√v̂ + ε) + λ·θ)
 * </pre>
 * With λ = 0 this is plain Adam. Unlike SGD, the step of each element is about η whatever the gradient's
 * size: a smaller gradient (as with dropout) does not make a smaller step. The moments are kept per
 * {@link Param} (by identity) and start at 0; so a new run needs a new Adam.
 */
public final class Adam implements Optimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final long decaySteps;
    private final Map<Param, float[][]> moments = new IdentityHashMap<>();
    private long t;

    /** Adam with PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and no weight decay. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0.0);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this(learningRate, beta1, beta2, epsilon, weightDecay, 0);
    }

    private Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay, long decaySteps) {
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate = " + learningRate + ": it must be finite and > 0 "
                    + "(Adam usually takes 1e-3)");
        }
        requireUnit("beta1", beta1);
        requireUnit("beta2", beta2);
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + ": it must be finite and > 0 (usually 1e-8); "
                    + "it keeps the step finite where v̂ is 0");
        }
        if (!(weightDecay >= 0.0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay = " + weightDecay + ": it must be finite and ≥ 0 "
                    + "(0 is plain Adam; AdamW often uses 0.05)");
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decaySteps = decaySteps;
    }

    /** AdamW: Adam's defaults with decoupled weight decay λ, as a factory for the trainer. */
    public static Optimizer.Factory withWeightDecay(double weightDecay) {
        new Adam(1.0, 0.9, 0.999, 1e-8, weightDecay);   // validates λ now, not at the first fit
        return lr -> new Adam(lr, 0.9, 0.999, 1e-8, weightDecay);
    }

    /**
     * Adam (defaults, no weight decay) whose learning rate falls along a cosine from η at the first step to 0 after
     * {@code totalSteps} steps: step t (from 1) uses η·½(1 + cos(π·(t−1)/totalSteps)), and every step after the
     * last uses 0. The paper's runs decay their learning rate this way; it lets training settle at the end instead
     * of jittering at a constant step size. Give it the run's number of updates, {@code epochs × iterationsPerEpoch}.
     */
    public static Optimizer.Factory cosine(long totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps = " + totalSteps + ": the decay needs at least 1 step; give the "
                    + "run's number of updates, epochs × iterationsPerEpoch");
        }
        return lr -> new Adam(lr, 0.9, 0.999, 1e-8, 0.0, totalSteps);
    }

    /** The learning rate step t (from 1) uses: η, or η on a cosine down to 0 with {@link #cosine}. */
    public double learningRateAt(long t) {
        if (decaySteps == 0) {
            return learningRate;
        }
        if (t > decaySteps) {
            return 0.0;
        }
        return learningRate * 0.5 * (1.0 + StrictMath.cos(Math.PI * (t - 1) / decaySteps));
    }

    private static void requireUnit(String name, double beta) {
        if (!(beta >= 0.0 && beta < 1.0)) {
            throw new IllegalArgumentException(name + " = " + beta + ": a moment's decay must be in [0, 1) "
                    + "(Adam's defaults: beta1 = 0.9, beta2 = 0.999)");
        }
    }

    public double learningRate() {
        return learningRate;
    }

    /** Steps taken so far. */
    public long steps() {
        return t;
    }

    @Override
    public void step(List<Param> params) {
        t++;
        double c1 = 1.0 - StrictMath.pow(beta1, t);
        double c2 = 1.0 - StrictMath.pow(beta2, t);
        double lr = learningRateAt(t);
        for (Param p : params) {
            FloatBuffer v = Buffers.of(p.value());
            FloatBuffer g = Buffers.of(p.gradient());
            int n = (int) p.value().length();
            float[][] mv = moments.computeIfAbsent(p, k -> new float[][] {new float[n], new float[n]});
            float[] m1 = mv[0];
            float[] m2 = mv[1];
            for (int i = 0; i < n; i++) {
                double gi = g.get(i);
                m1[i] = (float) (beta1 * m1[i] + (1.0 - beta1) * gi);
                m2[i] = (float) (beta2 * m2[i] + (1.0 - beta2) * gi * gi);
                double mHat = m1[i] / c1;
                double vHat = m2[i] / c2;
                double theta = v.get(i);
                v.put(i, (float) (theta - lr * (mHat / (Math.sqrt(vHat) + epsilon) + weightDecay * theta)));
            }
        }
    }
}
