package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Rng;
import dropout.arrays.Buffers;
import dropout.variants.Checks;
import java.nio.FloatBuffer;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class BatchNormTest {

    /** Features with their own means and scales: column j is N(means[j], scales[j]²). */
    private static INDArray features(int rows, double[] means, double[] scales, long seed) {
        int cols = means.length;
        INDArray x = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(x);
        Rng rng = Rng.seeded(seed);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                b.put(r * cols + j, (float) (means[j] + scales[j] * rng.gaussian()));
            }
        }
        return x;
    }

    private static void randomise(INDArray row, long seed, double centre) {
        FloatBuffer b = Buffers.of(row);
        Rng rng = Rng.seeded(seed);
        for (int j = 0; j < row.length(); j++) {
            b.put(j, (float) (centre + 0.5 * rng.gaussian()));
        }
    }

    @Test
    void atGammaZeroNothingPassesDownButGammaStillLearns() {
        BatchNorm bn = new BatchNorm(2);
        bn.gamma().assign(0);
        bn.beta().assign(1);
        INDArray x = org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 5, 2, 3, 6, 4}, new long[] {3, 2}, 'c');
        INDArray y = bn.forward(x, Mode.TRAIN);
        assertEquals(1.0, y.minNumber().doubleValue(), 0.0);
        assertEquals(1.0, y.maxNumber().doubleValue(), 0.0);
        INDArray dy = x.dup();
        assertEquals(0.0, bn.backward(dy, true).amaxNumber().doubleValue(), 0.0);
        // dγ_j = Σ_r dy_rj · x̂_rj; with dy = x that is Σ_r x_rj (x_rj − μ_j)/σ_j = B·σ²_j/√(σ²_j + ε)
        double var0 = (Math.pow(1 - 3, 2) + Math.pow(2 - 3, 2) + Math.pow(6 - 3, 2)) / 3;
        assertEquals(3 * var0 / Math.sqrt(var0 + BatchNorm.EPSILON), bn.gammaGradient().getDouble(0), 1e-4);
        assertTrue(bn.gammaGradient().getDouble(1) > 0);
    }

    @Test
    void gradientsOfInputGammaAndBeta() {
        BatchNorm bn = new BatchNorm(4);
        randomise(bn.gamma(), 11, 1.0);
        randomise(bn.beta(), 12, 0.0);
        INDArray x = features(5, new double[] {0, 2, -1, 5}, new double[] {1, 0.5, 2, 3}, 1);
        INDArray r = Checks.random(5, 4, 3, 0);
        bn.forward(x, Mode.TRAIN);
        INDArray dx = bn.backward(r, true).dup();
        INDArray dg = bn.params().get(0).gradient().dup();
        INDArray db = bn.params().get(1).gradient().dup();
        DoubleSupplier f = () -> Checks.dot(bn.forward(x, Mode.TRAIN), r);
        Checks.gradient("dγ", bn.gamma(), dg, f);
        Checks.gradient("dβ", bn.beta(), db, f);
        Checks.gradient("dx", x, dx, f);
        assertEquals("gamma", bn.params().get(0).name());
        assertEquals("beta", bn.params().get(1).name());
    }

    /** Σ_r dx_rj = 0 for every feature: shifting a whole feature does not change the normalised output. */
    @Test
    void inputGradientSumsToZeroPerFeature() {
        BatchNorm bn = new BatchNorm(3);
        INDArray x = features(16, new double[] {1, -2, 0}, new double[] {2, 1, 0.1}, 2);
        bn.forward(x, Mode.TRAIN);
        float[] dx = bn.backward(Checks.random(16, 3, 4, 0), true).data().asFloat();
        for (int j = 0; j < 3; j++) {
            double s = 0;
            double abs = 0;
            for (int r = 0; r < 16; r++) {
                s += dx[r * 3 + j];
                abs += Math.abs(dx[r * 3 + j]);
            }
            assertEquals(0.0, s, 1e-6 * abs);
        }
    }

    /**
     * With γ = 1, β = 0 each training-output feature has batch mean 0 and batch variance σ²/(σ² + ε) exactly,
     * up to float rounding (relative 1e-6 of the values involved); the variance is 1 up to ε/σ².
     */
    @Test
    void trainingOutputHasMeanZeroAndVarianceOnePerFeature() {
        double[] means = {0, 100, -3, 0.5};
        double[] scales = {1, 10, 0.01, 4};
        int rows = 256;
        BatchNorm bn = new BatchNorm(4);
        INDArray x = features(rows, means, scales, 5);
        float[] xs = x.data().asFloat();
        float[] y = bn.forward(x, Mode.TRAIN).data().asFloat();
        for (int j = 0; j < 4; j++) {
            double mx = 0;
            double my = 0;
            for (int r = 0; r < rows; r++) {
                mx += xs[r * 4 + j];
                my += y[r * 4 + j];
            }
            mx /= rows;
            my /= rows;
            double vx = 0;
            double vy = 0;
            for (int r = 0; r < rows; r++) {
                vx += Math.pow(xs[r * 4 + j] - mx, 2);
                vy += Math.pow(y[r * 4 + j] - my, 2);
            }
            vx /= rows;
            vy /= rows;
            assertEquals(0.0, my, 1e-6, "mean of feature " + j);
            assertEquals(vx / (vx + BatchNorm.EPSILON), vy, 1e-5, "variance of feature " + j);
            assertEquals(1.0, vy, BatchNorm.EPSILON / vx + 1e-5);
        }
    }

    /** One batch from a fresh layer: running μ = 0.9·0 + 0.1·μ_B, running σ² = 0.9·1 + 0.1·σ²_B·B/(B − 1). */
    @Test
    void runningAveragesFollowTheStatedRule() {
        BatchNorm bn = new BatchNorm(2);
        INDArray x = Buffers.matrix(4, 2);
        Buffers.of(x).put(0, new float[] {1, 10, 2, 20, 3, 30, 6, 40});
        bn.forward(x, Mode.TRAIN);
        // feature 0: mean 3, unbiased variance ((4 + 1 + 0 + 9) / 3) = 14/3; feature 1: mean 25, (225 + 25 + 25 + 225)/3
        assertEquals(0.1 * 3, bn.runningMean()[0], 1e-12);
        assertEquals(0.1 * 25, bn.runningMean()[1], 1e-12);
        assertEquals(0.9 + 0.1 * 14.0 / 3, bn.runningVariance()[0], 1e-12);
        assertEquals(0.9 + 0.1 * 500.0 / 3, bn.runningVariance()[1], 1e-12);
        assertEquals(1, bn.updates());
    }

    /**
     * After many batches the running averages estimate the data's mean and variance. In steady state an
     * exponential average with weight m of old values has variance (1 − m)/(1 + m) times the variance of what
     * it averages: Var(batch mean) = s²/B, Var(unbiased batch variance) = 2s⁴/(B − 1) for normal data.
     * 300 batches make the start's influence m³⁰⁰ ≈ 2e-14 negligible. Tolerance Z = 4 of those standard deviations.
     */
    @Test
    void runningAveragesConvergeToTheDataStatistics() {
        double[] means = {3, -1, 0, 50};
        double[] scales = {1, 0.2, 5, 2};
        int batch = 64;
        double m = 0.9;
        BatchNorm bn = new BatchNorm(4, m);
        for (int step = 0; step < 300; step++) {
            bn.forward(features(batch, means, scales, 100 + step), Mode.TRAIN);
        }
        double shrink = (1 - m) / (1 + m);
        for (int j = 0; j < 4; j++) {
            double s2 = scales[j] * scales[j];
            assertEquals(means[j], bn.runningMean()[j], Checks.Z * Math.sqrt(shrink * s2 / batch), "running mean " + j);
            assertEquals(s2, bn.runningVariance()[j], Checks.Z * Math.sqrt(shrink * 2 * s2 * s2 / (batch - 1)), "running variance " + j);
        }
    }

    @Test
    void predictionUsesTheRunningAveragesAndChangesNothing() {
        BatchNorm bn = new BatchNorm(3);
        for (int step = 0; step < 20; step++) {
            bn.forward(features(32, new double[] {2, -5, 0}, new double[] {3, 1, 0.5}, step), Mode.TRAIN);
        }
        randomise(bn.gamma(), 1, 1.0);
        randomise(bn.beta(), 2, 0.0);
        double[] rm = bn.runningMean();
        double[] rv = bn.runningVariance();
        long updates = bn.updates();
        INDArray x = features(1, new double[] {1, 1, 1}, new double[] {1, 1, 1}, 99);
        float[] y = bn.forward(x, Mode.PREDICT).data().asFloat();
        float[] xs = x.data().asFloat();
        float[] g = bn.gamma().data().asFloat();
        float[] b = bn.beta().data().asFloat();
        for (int j = 0; j < 3; j++) {
            assertEquals(g[j] * (xs[j] - rm[j]) / Math.sqrt(rv[j] + BatchNorm.EPSILON) + b[j], y[j], 1e-5);
        }
        assertEquals(updates, bn.updates());
        assertEquals(rm[0], bn.runningMean()[0]);
        assertEquals(rv[2], bn.runningVariance()[2]);
    }

    @Test
    void aFreshLayerPredictsTheNearIdentity() {
        INDArray x = Checks.random(3, 4, 1, 0);
        float[] y = new BatchNorm(4).forward(x, Mode.PREDICT).data().asFloat();
        float[] xs = x.data().asFloat();
        for (int i = 0; i < y.length; i++) {
            assertEquals(xs[i] / Math.sqrt(1 + BatchNorm.EPSILON), y[i], 1e-6);
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheRule() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm(3).forward(Checks.random(1, 3, 1, 0), Mode.TRAIN));
        assertTrue(one.getMessage().contains("batch of 1 row") && one.getMessage().contains("≥ 2"), one.getMessage());
        new BatchNorm(3).forward(Checks.random(1, 3, 1, 0), Mode.PREDICT);
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> new BatchNorm(3, 1.0));
        assertTrue(m.getMessage().contains("PyTorch"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(3, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(3, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(0));
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm(3).forward(Checks.random(2, 4, 1, 0), Mode.TRAIN));
        assertTrue(w.getMessage().contains("[batch, 3]"), w.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> new BatchNorm(3).backward(Checks.random(2, 3, 1, 0), true));
        assertTrue(s.getMessage().contains("forward"), s.getMessage());
    }
}
