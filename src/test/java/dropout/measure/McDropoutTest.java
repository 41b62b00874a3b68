package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.nn.BatchNorm;
import dropout.nn.Dense;
import dropout.nn.DropoutLayer;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.nn.Param;
import dropout.nn.Sgd;
import dropout.variants.Checks;
import dropout.variants.DropConnectDense;
import dropout.variants.GaussianDropout;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class McDropoutTest {
    private final Dataset data = Checks.blobs(90, 12, 4, 1.5, 3);

    /** Every kind of random layer, and batch norm, in one small network. */
    private static Network everything(long seed) {
        return Mlp.sizes(12, 16, 16, 4).init(Init.he())
                .dense(DropConnectDense.factory(InvertedDropout.drop(0.2)))
                .batchNorm()
                .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.3)))
                .dropoutEverywhere(InvertedDropout.drop(0.2))
                .build(seed);
    }

    private static float[] allParams(Network net) {
        int n = (int) net.parameterCount();
        float[] out = new float[n];
        int k = 0;
        for (Param p : net.params()) {
            float[] v = p.value().data().asFloat();
            System.arraycopy(v, 0, out, k, v.length);
            k += v.length;
        }
        return out;
    }

    private static void trainSteps(Network net, Dataset d, int from, int steps) {
        Sgd sgd = new Sgd(0.1);
        for (int s = from; s < from + steps; s++) {
            int start = (s * 16) % (d.size() - 16);
            net.lossAndGradients(d.batch(start, 16), d.labels(start, 16));
            sgd.step(net.params());
        }
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        Network net = everything(1);
        McPrediction a = new McDropout(net, 10, 7).predict(data, 32);
        McPrediction b = new McDropout(net, 10, 7).predict(data, 32);
        McPrediction c = new McDropout(net, 10, 8).predict(data, 32);
        assertEquals(data.size(), a.size());
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(a.meanProbabilities()[i], b.meanProbabilities()[i], 0.0);
        }
        assertArrayEquals(a.predictedStd(), b.predictedStd(), 0.0);
        assertFalse(java.util.Arrays.equals(a.predictedStd(), c.predictedStd()));
    }

    /** Training interleaved with MC prediction ends bit-identical to training alone: no stream advanced, no state moved. */
    @Test
    void leavesTrainingExactlyAsItWas() {
        Network withMc = everything(2);
        Network without = everything(2);
        trainSteps(withMc, data, 0, 3);
        trainSteps(without, data, 0, 3);
        List<INDArray> gradsBefore = withMc.params().stream().map(p -> p.gradient().dup()).toList();
        BatchNorm bn = withMc.layersOf(BatchNorm.class).get(0);
        double[] runningMean = bn.runningMean();
        long updates = bn.updates();
        new McDropout(withMc, 5, 11).predict(data, 25);
        for (int k = 0; k < gradsBefore.size(); k++) {
            assertArrayEquals(gradsBefore.get(k).data().asFloat(), withMc.params().get(k).gradient().data().asFloat(), "gradient " + k);
        }
        assertEquals(updates, bn.updates(), "batch norm ran in prediction mode");
        assertArrayEquals(runningMean, bn.runningMean(), 0.0);
        trainSteps(withMc, data, 3, 3);
        trainSteps(without, data, 3, 3);
        assertArrayEquals(allParams(without), allParams(withMc));
    }

    @Test
    void withoutDropoutEveryPassIsTheDeterministicPrediction() {
        Network net = Mlp.sizes(12, 16, 4).dropout(InvertedDropout.drop(0)).init(Init.he()).build(3);
        McPrediction mc = new McDropout(net, 4, 1).predict(data, 40);
        INDArray logits = net.predict(data.batch(0, data.size()));
        double[] p = new double[4];
        for (int i = 0; i < data.size(); i++) {
            dropout.nn.SoftmaxCrossEntropy.softmax(Buffers.of(logits), i * 4, 4, p);
            assertArrayEquals(p, mc.meanProbabilities()[i], 1e-6);
            assertEquals(0.0, mc.predictedStd()[i], 1e-6);
            assertEquals(0.0, mc.mutualInformation()[i], 1e-9);
        }
    }

    @Test
    void summariesAreConsistent() {
        Network net = everything(4);
        trainSteps(net, data, 0, 60);
        McPrediction mc = new McDropout(net, 8, 1).predict(data, 32);
        boolean someSpread = false;
        for (int i = 0; i < mc.size(); i++) {
            double[] m = mc.meanProbabilities()[i];
            double sum = 0;
            int arg = 0;
            for (int c = 0; c < m.length; c++) {
                sum += m[c];
                arg = m[c] > m[arg] ? c : arg;
            }
            assertEquals(1.0, sum, 1e-9);
            assertEquals(arg, mc.predicted()[i]);
            assertTrue(mc.entropy()[i] >= 0 && mc.entropy()[i] <= Math.log(4) + 1e-9);
            assertTrue(mc.mutualInformation()[i] >= 0 && mc.mutualInformation()[i] <= mc.entropy()[i] + 1e-12);
            someSpread |= mc.predictedStd()[i] > 1e-3;
        }
        assertTrue(someSpread, "dropout on: the passes must disagree somewhere");
        assertTrue(mc.accuracy(data) > 0.6, "better than chance (0.25) by far: accuracy " + mc.accuracy(data));
        McPrediction one = new McDropout(net, 1, 1).predict(data, 32);
        for (int i = 0; i < one.size(); i++) {
            assertEquals(0.0, one.predictedStd()[i]);
            assertEquals(0.0, one.mutualInformation()[i], 1e-12);
        }
    }

    @Test
    void batchSizeDoesNotChangeTheDeterministicParts() {
        Network net = Mlp.sizes(12, 8, 4).dropout(InvertedDropout.drop(0)).build(5);
        McPrediction a = new McDropout(net, 2, 1).predict(data, 7);
        McPrediction b = new McDropout(net, 2, 1).predict(data, 90);
        assertArrayEquals(a.predicted(), b.predicted());
        McPrediction x = new McDropout(net, 2, 1).predict(data.batch(0, 90));
        assertArrayEquals(b.predicted(), x.predicted());
    }

    /**
     * The MC average estimates E_masks[softmax]. For inverted dropout (p = 0.5) on 4 inputs followed by a dense
     * layer, the expectation is a sum over the 16 masks, computed exactly here. 400 identical rows × T = 50
     * passes are 20,000 independent samples of p₀: mean within Z·√(Var/20,000). Each row's population variance
     * over T passes has expectation Var·(T − 1)/T; averaged over the rows, tolerance Z·√(Var[s²]/rows) with
     * Var[s²] ≈ (μ₄ − σ⁴·(T − 3)/(T − 1))/T.
     */
    @Test
    void averageConvergesToTheExactExpectationOverMasks() {
        int in = 4;
        Dense dense = new Dense(in, 2, Init.normal(1.0), Rng.seeded(3));
        Buffers.of(dense.bias()).put(0, 0.3f);
        Network net = new Network(List.of(new DropoutLayer(in, InvertedDropout.drop(0.5), Rng.seeded(1)), dense), 2);
        float[] x = {0.8f, -1.2f, 0.5f, 2.0f};
        float[] w = dense.weights().data().asFloat();
        float[] b = dense.bias().data().asFloat();
        double e1 = 0;
        double e2 = 0;
        double e4Raw = 0;
        double[] values = new double[16];
        for (int mask = 0; mask < 16; mask++) {
            double z0 = b[0];
            double z1 = b[1];
            for (int i = 0; i < in; i++) {
                double v = ((mask >> i) & 1) * x[i] * 2.0;
                z0 += v * w[i * 2];
                z1 += v * w[i * 2 + 1];
            }
            values[mask] = 1 / (1 + Math.exp(z1 - z0));
            e1 += values[mask] / 16;
            e2 += values[mask] * values[mask] / 16;
        }
        double var = e2 - e1 * e1;
        for (double v : values) {
            e4Raw += Math.pow(v - e1, 4) / 16;
        }
        int rows = 400;
        int t = 50;
        INDArray batch = Buffers.matrix(rows, in);
        FloatBuffer bs = Buffers.of(batch);
        for (int r = 0; r < rows; r++) {
            bs.put(r * in, x);
        }
        McPrediction mc = new McDropout(net, t, 9).predict(batch);
        double mean0 = 0;
        double meanVar = 0;
        int k = e1 >= 0.5 ? 0 : 1;
        for (int r = 0; r < rows; r++) {
            mean0 += mc.meanProbabilities()[r][0] / rows;
            meanVar += Math.pow(mc.predictedStd()[r], 2) / rows;
        }
        assertEquals(e1, mean0, Checks.meanTolerance(var, (long) rows * t), "E[p₀]");
        double varOfS2 = (e4Raw - var * var * (t - 3.0) / (t - 1)) / t;
        assertEquals(var * (t - 1) / t, meanVar, Checks.Z * Math.sqrt(varOfS2 / rows) + 1e-9, "spread of p_" + k);
        assertTrue(var > 1e-3, "the masks must matter for this test to mean something: Var = " + var);
    }

    @Test
    void badArgumentsAreRejected() {
        Network plain = Mlp.sizes(12, 8, 4).build(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new McDropout(plain, 10, 1));
        assertTrue(e.getMessage().contains("no dropout layer"), e.getMessage());
        Network net = everything(1);
        assertThrows(IllegalArgumentException.class, () -> new McDropout(net, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new McDropout(net, 2, 1).predict(data, 0));
        McPrediction mc = new McDropout(net, 2, 1).predict(data, 30);
        assertThrows(IllegalArgumentException.class, () -> mc.accuracy(data.first(10)));
    }
}
