package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.nn.DropoutLayer;
import dropout.nn.Identity;
import dropout.nn.Init;
import dropout.nn.Relu;
import dropout.variants.Checks;
import dropout.variants.DropConnectDense;
import dropout.variants.GaussianDropout;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Monte-Carlo per-unit moments: estimates, their standard errors, and the comparisons notebook 5 prints. */
class UnitMomentsTest {

    private static INDArray row(double... values) {
        INDArray x = Buffers.matrix(1, values.length);
        FloatBuffer b = Buffers.of(x);
        for (int i = 0; i < values.length; i++) {
            b.put(i, (float) values[i]);
        }
        return x;
    }

    /**
     * Inverted dropout, p = 0.2, on h = (0, 0.5, 1, 2): mean h, variance h²p/q, and the standard errors of both
     * against their exact values. The output is (h/q)·B, B ~ Bernoulli(q): σ² = h²p/q and μ₄ = (h/q)⁴·pq(1 − 3pq);
     * a sample variance's variance is (μ₄ − σ⁴·(n − 3)/(n − 1))/n.
     */
    @Test
    void invertedDropoutMomentsAndStandardErrorsMatchTheFormulas() {
        double p = 0.2;
        double q = 0.8;
        double[] h = {0, 0.5, 1, 2};
        UnitMoments m = UnitMoments.sample(row(h), 1000, 200, new DropoutLayer(4, InvertedDropout.drop(p), Rng.seeded(3)));
        long n = 200_000;
        assertEquals(n, m.samples());
        assertEquals(4, m.units());
        double[] mean = new double[4];
        double[] var = new double[4];
        for (int j = 0; j < 4; j++) {
            mean[j] = h[j];
            var[j] = h[j] * h[j] * p / q;
            double mu4 = Math.pow(h[j] / q, 4) * p * q * (1 - 3 * p * q);
            assertEquals(mean[j], m.mean(j), Checks.meanTolerance(var[j], n), "mean of unit " + j);
            assertEquals(var[j], m.variance(j), Checks.varianceTolerance(var[j], mu4, n), "variance of unit " + j);
            assertEquals(Math.sqrt(var[j] / n), m.meanStdError(j), 0.02 * Math.sqrt(var[j] / n) + 1e-12);
            double varSe = Math.sqrt((mu4 - var[j] * var[j] * (n - 3) / (n - 1)) / n);
            assertEquals(varSe, m.varianceStdError(j), 0.05 * varSe + 1e-12, "variance's standard error, unit " + j);
        }
        assertEquals(0.0, m.mean(0));
        assertEquals(0.0, m.variance(0));
        assertEquals(0.0, m.meanError(0, 0.0), "a constant 0 against the formula 0 is no error");
        assertTrue(m.largestError(mean, var) < Checks.Z, "largest error " + m.largestError(mean, var));
        double[] wrong = mean.clone();
        wrong[3] = 2.05;
        assertTrue(m.largestError(wrong, var) > 10, "a mean 0.05 off is many standard errors away: " + m.largestError(wrong, var));
        String table = m.table(mean, var);
        // p = 0.5: a symmetric two-point output, μ₄ = σ⁴; the exact standard error still judges it fairly
        UnitMoments half = UnitMoments.sample(row(h), 1000, 200, new DropoutLayer(4, InvertedDropout.drop(0.5), Rng.seeded(5)));
        double[] halfVar = {0, 0.25, 1, 4};
        assertTrue(half.varianceStdError(3) > 0);
        assertTrue(half.largestError(h, halfVar) < Checks.Z, half.table(h, halfVar));
        assertEquals(5, table.split("\n").length, table);
        assertTrue(table.startsWith("unit"), table);
    }

    /** A deterministic chain: every sample is the input, so the mean is exact, the variance 0, and float rounding no error. */
    @Test
    void deterministicLayersGiveTheInputWithNoSpread() {
        UnitMoments m = UnitMoments.sample(row(1.5, -2, 0.1), 3, 4, new Identity(3), new Identity(3));
        assertEquals(12, m.samples());
        assertEquals(1.5, m.mean(0), 1e-12);
        assertEquals(-2, m.mean(1), 1e-12);
        assertEquals((float) 0.1, m.mean(2), 1e-12);
        assertEquals(0.0, m.variance(2), 1e-15);
        assertEquals(0.0, m.largestError(new double[] {1.5, -2, 0.1}, new double[3]), 0.01,
                "0.1 in float differs from 0.1 by rounding only, floored at 1e-6");
        assertTrue(m.meanError(2, 0.2) > 1000);
    }

    /** DropConnect's pre-activation moments over masks, with rows = 1 (one mask per pass), against the layer's own formulas. */
    @Test
    void dropConnectNeedsOneRowPerPassAndMatchesItsMoments() {
        DropConnectDense dc = new DropConnectDense(6, 3, InvertedDropout.drop(0.5), Init.normal(0.5), Rng.seeded(4));
        INDArray x = row(0.2, 0.9, 0.4, 0.7, 0.1, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitMoments.sample(x, 10, 10, dc));
        assertTrue(e.getMessage().contains("Use rows = 1"), e.getMessage());
        java.util.List<UnitMoments> each = UnitMoments.sampleEach(x, 1, 20_000, dc, new Relu(3));
        UnitMoments m = each.get(0);
        INDArray[] f = dc.preActivationMoments(x);
        double[] mean = f[0].dup().data().asDouble();
        double[] var = f[1].dup().data().asDouble();
        assertTrue(m.largestError(mean, var) < Checks.Z, m.table(mean, var));
        // the ReLU's moments come from the same passes: E[relu(u)] ≥ max(E[u], 0) (Jensen), and near Wan et al.'s
        // moment-matched value (u is a sum of only 6 terms, so not exactly Gaussian: a loose check)
        UnitMoments r = each.get(1);
        assertEquals(20_000, r.samples());
        double[] matched = dc.momentMatchedRelu(x).data().asDouble();
        for (int j = 0; j < 3; j++) {
            assertTrue(r.mean(j) >= Math.max(mean[j], 0) - Checks.Z * r.meanStdError(j), "unit " + j);
            assertEquals(matched[j], r.mean(j), 0.1 * Math.abs(matched[j]) + 0.02, "unit " + j);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        DropoutLayer d = new DropoutLayer(2, InvertedDropout.drop(0.5), Rng.seeded(1));
        assertThrows(IllegalArgumentException.class, () -> UnitMoments.sample(Buffers.matrix(2, 2), 1, 1, d));
        assertThrows(IllegalArgumentException.class, () -> UnitMoments.sample(row(1, 2), 0, 1, d));
        assertThrows(IllegalArgumentException.class, () -> UnitMoments.sample(row(1, 2), 1, 0, d));
        assertThrows(IllegalArgumentException.class, () -> UnitMoments.sample(row(1, 2), 1, 1));
        UnitMoments m = UnitMoments.sample(row(1, 2), 2, 2, new GaussianDropout(2, DropoutRate.drop(0.5), Rng.seeded(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.largestError(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("3 values for 2 units"), e.getMessage());
    }
}
