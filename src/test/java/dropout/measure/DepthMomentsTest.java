package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.nn.Identity;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.Relu;
import dropout.variants.AlphaDropout;
import dropout.variants.Checks;
import dropout.variants.DropConnectDense;
import dropout.variants.Selu;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Moments of the signal entering each fully connected layer, and the SELU fixed point they show. */
class DepthMomentsTest {

    @Test
    void probesTheInputOfEveryFullyConnectedLayer() {
        INDArray x = Checks.random(50, 6, 1, 0);
        Network net = Mlp.sizes(6, 5, 4, 3).activation(Identity::new).init(Init.normal(0.5)).build(2);
        DepthMoments d = DepthMoments.of(net, x, Mode.PREDICT);
        assertEquals(3, d.depth());
        assertArrayEquals(new double[] {0, 1, 2}, d.indices());
        assertArrayEquals(Checks.moments(x), new double[] {d.mean()[0], d.variance()[0]}, 1e-12);
        INDArray h1 = net.layers().get(0).forward(x, Mode.PREDICT).dup();
        assertArrayEquals(Checks.moments(h1), new double[] {d.mean()[1], d.variance()[1]}, 1e-9);
        INDArray h2 = net.layers().get(2).forward(h1, Mode.PREDICT).dup();
        assertEquals(Checks.moments(h2)[1], d.lastVariance(), 1e-9);
        assertEquals(Checks.moments(h2)[0], d.lastMean(), 1e-9);
        DepthMoments dc = DepthMoments.of(Mlp.sizes(6, 5, 3).dense(DropConnectDense.factory(InvertedDropout.drop(0.5))).build(1), x, Mode.TRAIN);
        assertEquals(2, dc.depth(), "DropConnectDense counts as a fully connected layer");
        assertThrows(IllegalArgumentException.class, () -> DepthMoments.of(new Network(List.of(new Relu(6)), 6), x, Mode.PREDICT));
    }

    /**
     * Klambauer et al.'s claim, measured: N(0, 1) input through 16 SELU layers of 256 units (LeCun-normal weights)
     * with alpha dropout 0.1 in training mode stays near mean 0, variance 1 at every depth; with inverted dropout
     * 0.1 instead, the variance settles near another fixed point, about 1.6 (the mean-field iteration
     * v ← E[selu(√v·Z)²]/q gives 1.62 after the dropout).
     */
    @Test
    void alphaDropoutKeepsTheSeluFixedPointAndPlainDropoutLeavesIt() {
        INDArray x = Checks.random(512, 256, 5, 0);
        int[] sizes = new int[18];
        java.util.Arrays.fill(sizes, 256);
        sizes[17] = 10;
        DepthMoments alpha = DepthMoments.of(Mlp.sizes(sizes).init(Init.lecun()).activation(Selu::new)
                .layerAfterActivation(AlphaDropout.factory(DropoutRate.drop(0.1))).build(1), x, Mode.TRAIN);
        DepthMoments plain = DepthMoments.of(Mlp.sizes(sizes).init(Init.lecun()).activation(Selu::new)
                .dropoutEverywhere(InvertedDropout.drop(0.1)).build(1), x, Mode.TRAIN);
        assertEquals(17, alpha.depth());
        for (int k = 0; k < alpha.depth(); k++) {
            assertEquals(0.0, alpha.mean()[k], 0.1, "alpha dropout, mean at depth " + k);
            assertEquals(1.0, alpha.variance()[k], 0.15, "alpha dropout, variance at depth " + k);
        }
        assertEquals(1.62, plain.lastVariance(), 0.25, "inverted dropout, variance at the last depth");
    }
}
