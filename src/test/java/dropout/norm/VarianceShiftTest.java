package dropout.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.nn.BatchNorm;
import dropout.nn.Dense;
import dropout.nn.DropoutLayer;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class VarianceShiftTest {
    private static final int IN = 4;
    private static final int OUT = 3;
    private static final int N = 4096;
    private static final int BATCH = 256;

    /** Inputs x_i ~ N(1, 1), independent. */
    private static Dataset inputs() {
        Rng rng = Rng.seeded(8);
        float[] f = new float[N * IN];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (1 + rng.gaussian());
        }
        return new Dataset("N(1, 1)", f, new int[N], IN, OUT);
    }

    /**
     * Dropout(p) → Dense → BatchNorm, running averages collected over 600 training-mode batches (no weight updates),
     * momentum 0.99 so the running variance averages about 200 batches. Expected, from the data and the weights:
     * Var_train(z_j) = Var(z_j) + (p/q)·Σ_i W_ij²·mean(x_i²); prediction-mode input variance = Var(z_j) exactly.
     */
    private static void check(double p) {
        Dataset data = inputs();
        Dense dense = new Dense(IN, OUT, Init.normal(1.0), Rng.seeded(3));
        BatchNorm bn = new BatchNorm(OUT, 0.99);
        Network net = new Network(List.of(new DropoutLayer(IN, InvertedDropout.drop(p), Rng.seeded(5)), dense, bn), OUT);
        for (int step = 0; step < 600; step++) {
            net.forward(data.batch((step % (N / BATCH)) * BATCH, BATCH), Mode.TRAIN);
        }
        VarianceShift shift = VarianceShift.measure(net, 0, data);
        float[] w = dense.weights().data().asFloat();
        double[] meanSquare = new double[IN];
        double[] z = new double[N * OUT];
        for (int r = 0; r < N; r++) {
            for (int i = 0; i < IN; i++) {
                double x = data.feature(r, i);
                meanSquare[i] += x * x / N;
                for (int j = 0; j < OUT; j++) {
                    z[r * OUT + j] += x * w[i * OUT + j];
                }
            }
        }
        for (int j = 0; j < OUT; j++) {
            double mean = 0;
            for (int r = 0; r < N; r++) {
                mean += z[r * OUT + j] / N;
            }
            double var = 0;
            for (int r = 0; r < N; r++) {
                var += Math.pow(z[r * OUT + j] - mean, 2) / N;
            }
            double noise = 0;
            for (int i = 0; i < IN; i++) {
                noise += w[i * OUT + j] * w[i * OUT + j] * meanSquare[i] * p / (1 - p);
            }
            assertEquals(var, shift.predictionVariance()[j], 1e-4 * var, "prediction-mode variance of feature " + j);
            // 200 batches of 256: a relative standard error of about 0.7 %; 5 % is far beyond noise
            assertEquals(var + noise, shift.runningVariance()[j], 0.05 * (var + noise), "running variance of feature " + j);
            assertEquals(var / (var + noise), shift.ratios()[j], 0.05, "ratio of feature " + j);
        }
    }

    @Test
    void withoutDropoutTheRunningVarianceIsThePredictionVariance() {
        check(0.0);
    }

    @Test
    void dropoutBeforeBatchNormInflatesTheRunningVariance() {
        check(0.5);
    }

    @Test
    void medianAndErrors() {
        VarianceShift s = new VarianceShift(new double[] {1, 2, 9, 4}, new double[] {2, 2, 3, 2});
        assertEquals(1.5, s.medianRatio(), 1e-12); // ratios 0.5, 1, 3, 2
        assertEquals(1.0, new VarianceShift(new double[] {1, 2, 9}, new double[] {2, 2, 3}).medianRatio(), 1e-12);
        Network plain = Mlp.sizes(IN, 5, OUT).build(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VarianceShift.measure(plain, 0, inputs()));
        assertTrue(e.getMessage().contains("has 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VarianceShift(new double[1], new double[2]));
    }

    /** On a network built by Mlp the chosen layer's input is the hidden dense output before it: width 5. */
    @Test
    void measuresTheChosenLayer() {
        Network net = Mlp.sizes(IN, 5, 6, OUT).batchNorm().build(2);
        net.forward(inputs().batch(0, 64), Mode.TRAIN);
        assertEquals(5, VarianceShift.measure(net, 0, inputs()).ratios().length);
        assertEquals(6, VarianceShift.measure(net, 1, inputs()).ratios().length);
    }
}
