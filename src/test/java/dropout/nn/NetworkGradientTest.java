package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.VanillaDropout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The whole MLP loss (softmax cross-entropy) against finite differences, masks held fixed. */
class NetworkGradientTest {

    @Test
    void mlpLossGradientForEveryParameter() {
        INDArray x = LayerGradientTest.random(5, 6, 4, 0);
        int[] labels = {0, 1, 2, 2, 1};
        // Finite differences are only valid away from ReLU's kink: take the first network seed whose
        // hidden pre-activations all stay clear of 0 by more than any ±ε step can move them.
        for (long seed = 1; seed < 500; seed++) {
            Network net = Mlp.sizes(6, 5, 4, 3).dropout(InvertedDropout.drop(0.3), VanillaDropout.drop(0.5))
                    .init(Init.normal(0.7)).build(seed);
            List<DropoutLayer> drops = net.layers().stream().filter(l -> l instanceof DropoutLayer).map(l -> (DropoutLayer) l).toList();
            Runnable fixMasks = () -> {
                for (int i = 0; i < drops.size(); i++) {
                    drops.get(i).swapRng(Rng.seeded(100 + i));
                }
            };
            if (closestToKink(net, x, fixMasks) < 0.1) {
                continue;
            }
            fixMasks.run();
            net.lossAndGradients(x, labels);
            List<INDArray> grads = net.params().stream().map(p -> p.gradient().dup()).toList();
            for (int k = 0; k < net.params().size(); k++) {
                Param p = net.params().get(k);
                GradientCheck.check("param " + k + " " + p.name(), p.value(), grads.get(k), () -> {
                    fixMasks.run();
                    return net.loss().forward(net.forward(x, Mode.TRAIN), labels);
                });
            }
            return;
        }
        throw new AssertionError("no seed below 500 kept the pre-activations clear of the ReLU kink");
    }

    private static double closestToKink(Network net, INDArray x, Runnable fixMasks) {
        fixMasks.run();
        INDArray a = x;
        double closest = Double.MAX_VALUE;
        for (Layer l : net.layers()) {
            a = l.forward(a, Mode.TRAIN);
            if (l instanceof Dense d && d != net.layers().get(net.layers().size() - 1)) {
                for (float z : a.data().asFloat()) {
                    closest = Math.min(closest, Math.abs(z));
                }
            }
        }
        return closest;
    }

    @Test
    void softmaxCrossEntropyOfEqualLogitsIsLogOfClassCount() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(10);
        assertEquals(Math.log(10), loss.forward(Buffers.matrix(4, 10), new int[] {0, 3, 5, 9}), 1e-6);
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(3);
        INDArray z = Buffers.matrix(1, 3);
        Buffers.of(z).put(0, 1e4f).put(1, -1e4f).put(2, 0f);
        assertEquals(2e4, loss.forward(z, new int[] {1}), 1e-3);
        assertEquals(1, 1 - loss.correct());
        float[] g = loss.backward().data().asFloat();
        assertEquals(1f, g[0], 1e-6f);
        assertEquals(-1f, g[1], 1e-6f);
        assertTrue(Float.isFinite(g[2]));
    }

    @Test
    void mlpShapeAndParameterCount() {
        Network net = Mlp.sizes(784, 256, 256, 10).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(1);
        assertEquals(784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10, net.parameterCount());
        assertEquals(7, net.layers().size());
        assertEquals(2, net.dropoutLayers().size());
    }

    @Test
    void d2lInitialisationHasSigmaOneHundredth() {
        Network net = Mlp.sizes(784, 256, 10).build(5);
        INDArray w = net.params().get(0).value();
        double mean = w.meanNumber().doubleValue();
        double sd = w.stdNumber().doubleValue();
        int n = 784 * 256;
        assertEquals(0.0, mean, 4 * 0.01 / Math.sqrt(n));
        assertEquals(0.01, sd, 4 * 0.01 / Math.sqrt(2.0 * n));
        assertEquals(0.0, net.params().get(1).value().sumNumber().doubleValue());
    }

    @Test
    void mlpBuilderNamesTheMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.sizes(784, 256, 256, 10).dropout(InvertedDropout.drop(0.5)));
        assertTrue(e.getMessage().contains("1 dropouts for 2 hidden layers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mlp.sizes(784));
        assertThrows(IllegalArgumentException.class, () -> Mlp.sizes(784, 0, 10));
    }

    @Test
    void sameSeedSameNetwork() {
        INDArray a = Mlp.sizes(20, 8, 3).build(9).params().get(0).value();
        INDArray b = Mlp.sizes(20, 8, 3).build(9).params().get(0).value();
        INDArray c = Mlp.sizes(20, 8, 3).build(10).params().get(0).value();
        assertTrue(java.util.Arrays.equals(a.data().asFloat(), b.data().asFloat()));
        assertTrue(!java.util.Arrays.equals(a.data().asFloat(), c.data().asFloat()));
    }
}
