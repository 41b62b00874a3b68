package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.testing.Blobs;
import dropout.train.History;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import dropout.arrays.Buffers;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class AdamTest {

    private static Param param(float... values) {
        INDArray v = Buffers.matrix(1, values.length);
        INDArray g = Buffers.matrix(1, values.length);
        Buffers.of(v).put(values);
        return new Param("p", v, g);
    }

    private static void setGradient(Param p, double... g) {
        FloatBuffer b = Buffers.of(p.gradient());
        for (int i = 0; i < g.length; i++) {
            b.put(i, (float) g[i]);
        }
    }

    private static float value(Param p, int i) {
        return Buffers.of(p.value()).get(i);
    }

    @Test
    void firstStepMovesEveryElementByTheLearningRateAgainstTheGradientsSign() {
        // m̂ = g and v̂ = g² after one step, so the step is η·g/(|g| + ε): η·sign(g) whatever |g| is.
        Param p = param(1f, 1f, 1f, 1f);
        setGradient(p, 1e-3, -5.0, 250.0, -1e-2);
        new Adam(0.01).step(List.of(p));
        assertEquals(1f - 0.01f, value(p, 0), 1e-6);
        assertEquals(1f + 0.01f, value(p, 1), 1e-6);
        assertEquals(1f - 0.01f, value(p, 2), 1e-6);
        assertEquals(1f + 0.01f, value(p, 3), 1e-6);
    }

    @Test
    void followsTheFormulasOverManySteps() {
        // A double-precision reference of the same recursion, with a gradient that changes every step.
        double lr = 0.003, b1 = 0.8, b2 = 0.95, eps = 1e-6, wd = 0.1;
        Param p = param(0.5f, -2f);
        Adam adam = new Adam(lr, b1, b2, eps, wd);
        double[] theta = {0.5, -2.0};
        double[] m = new double[2];
        double[] v = new double[2];
        Rng rng = Rng.seeded(7);
        for (int t = 1; t <= 50; t++) {
            double[] g = {rng.gaussian(), 3 * rng.gaussian()};
            setGradient(p, g);
            adam.step(List.of(p));
            for (int i = 0; i < 2; i++) {
                double gi = (float) g[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                theta[i] -= lr * (mHat / (Math.sqrt(vHat) + eps) + wd * theta[i]);
            }
        }
        assertEquals(50, adam.steps());
        // float storage of θ, m and v: 50 steps of rounding at ~6e-8 relative each
        assertEquals(theta[0], value(p, 0), 1e-5);
        assertEquals(theta[1], value(p, 1), 1e-5);
    }

    @Test
    void weightDecayAloneShrinksByOneMinusLearningRateTimesLambda() {
        // g = 0: m = v = 0, so the Adam part is 0/(0 + ε) = 0 and θ ← θ·(1 − ηλ) exactly (decoupled decay).
        Param p = param(2f, -4f);
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8, 0.5);
        adam.step(List.of(p));
        assertEquals(2f * (1 - 0.05f), value(p, 0), 1e-6);
        assertEquals(-4f * (1 - 0.05f), value(p, 1), 1e-6);
    }

    @Test
    void keepsSeparateMomentsPerParameter() {
        Param a = param(0f);
        Param b = param(0f);
        Adam adam = new Adam(0.1);
        setGradient(a, 1.0);
        setGradient(b, -1.0);
        adam.step(List.of(a, b));
        assertEquals(-0.1f, value(a, 0), 1e-6);
        assertEquals(0.1f, value(b, 0), 1e-6);
    }

    @Test
    void trainsANetworkThroughTheTrainer() {
        Dataset train = Blobs.make(700, 12, 4, 1.5, 1);
        Dataset test = Blobs.make(200, 12, 4, 1.5, 2);
        History h = new Trainer(TrainConfig.d2l().epochs(5).batchSize(32).learningRate(1e-2)).quiet()
                .optimizer(Adam::new).fit("blobs", Mlp.sizes(12, 32, 4).init(Init.he()).build(1), train, test);
        assertTrue(h.last().testAccuracy() > 0.9, "test accuracy " + h.last().testAccuracy());
        assertTrue(h.last().trainLoss() < 0.5 * h.epochs().get(0).trainLoss(), "train loss " + h.last().trainLoss());
    }

    @Test
    void cosineDecayStartsAtTheLearningRateAndEndsAtZero() {
        Adam adam = (Adam) Adam.cosine(4).make(0.2);
        assertEquals(0.2, adam.learningRateAt(1), 0.0);
        assertEquals(0.1 * (1 + Math.cos(Math.PI / 4)), adam.learningRateAt(2), 1e-15);
        assertEquals(0.1, adam.learningRateAt(3), 1e-15);
        assertEquals(0.0, adam.learningRateAt(5), 0.0);
        assertEquals(0.2, new Adam(0.2).learningRateAt(1000), 0.0);
        // first step: η·sign(g); after the 4 decay steps the parameter no longer moves
        Param p = param(1f);
        setGradient(p, 3.0);
        adam.step(List.of(p));
        assertEquals(0.8f, value(p, 0), 1e-6);
        for (int t = 2; t <= 4; t++) {
            adam.step(List.of(p));
        }
        float settled = value(p, 0);
        setGradient(p, -50.0);
        adam.step(List.of(p));
        assertEquals(settled, value(p, 0), 0f);
    }

    @Test
    void rejectsBadSettingsNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.0));
        assertTrue(e.getMessage().contains("learning rate = 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 1.0, 0.999, 1e-8, 0));
        assertTrue(e.getMessage().contains("beta1 = 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 0.9, -0.1, 1e-8, 0));
        assertTrue(e.getMessage().contains("beta2 = -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 0.9, 0.999, 0, 0));
        assertTrue(e.getMessage().contains("epsilon = 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adam.cosine(0));
        assertTrue(e.getMessage().contains("totalSteps = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adam.withWeightDecay(-1));
        assertTrue(e.getMessage().contains("weight decay = -1.0"), e.getMessage());
    }
}
