package dropout.variants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.nn.Dense;
import dropout.nn.DropoutLayer;
import dropout.nn.Init;
import dropout.nn.Layer;
import dropout.nn.Mlp;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.StochasticLayer;
import dropout.nn.Param;
import dropout.nn.Relu;
import dropout.nn.BatchNorm;
import dropout.train.DropoutSchedule;
import dropout.train.History;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The variants inside networks: the builder's hooks, whole-network gradients, and training end to end. */
class VariantNetworksTest {
    private final Dataset train = Checks.blobs(700, 12, 4, 1.5, 1);
    private final Dataset test = Checks.blobs(200, 12, 4, 1.5, 2);

    private static List<String> kinds(Network net) {
        return net.layers().stream().map(l -> l.getClass().getSimpleName()).toList();
    }

    /** One network per variant, as a notebook would build it. */
    private static Network variant(String name, long seed) {
        Mlp mlp = Mlp.sizes(12, 32, 32, 4);
        return switch (name) {
            case "gaussian" -> mlp.init(Init.he()).layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.3))).build(seed);
            case "dropconnect" -> mlp.init(Init.he()).dense(DropConnectDense.factory(InvertedDropout.drop(0.3))).build(seed);
            case "standout" -> mlp.init(Init.he()).activation(Standout.factory(1.0, 0.0)).build(seed);
            case "selu-alpha" -> mlp.init(Init.lecun()).activation(Selu::new).layerAfterActivation(AlphaDropout.factory(DropoutRate.drop(0.05))).build(seed);
            case "batchnorm" -> mlp.init(Init.he()).batchNorm().dropoutEverywhere(InvertedDropout.drop(0.2)).build(seed);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void builderPutsEachHookInItsPlace() {
        assertEquals(List.of("Dense", "Relu", "GaussianDropout", "Dense", "Relu", "GaussianDropout", "Dense"), kinds(variant("gaussian", 1)));
        assertEquals(List.of("DropConnectDense", "Relu", "DropConnectDense", "Relu", "Dense"), kinds(variant("dropconnect", 1)));
        assertEquals(List.of("Dense", "Standout", "Dense", "Standout", "Dense"), kinds(variant("standout", 1)));
        assertEquals(List.of("Dense", "Selu", "AlphaDropout", "Dense", "Selu", "AlphaDropout", "Dense"), kinds(variant("selu-alpha", 1)));
        assertEquals(List.of("Dense", "BatchNorm", "Relu", "DropoutLayer", "Dense", "BatchNorm", "Relu", "DropoutLayer", "Dense"),
                kinds(variant("batchnorm", 1)));
        Network perLayer = Mlp.sizes(12, 8, 8, 4)
                .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.2)), GaussianDropout.factory(DropoutRate.drop(0.5)))
                .build(1);
        List<GaussianDropout> g = perLayer.layersOf(GaussianDropout.class);
        assertEquals(0.2, g.get(0).rate().dropProbability(), 1e-12);
        assertEquals(0.5, g.get(1).rate().dropProbability(), 1e-12);
        assertEquals(2, perLayer.dropoutLayers().size(), "Gaussian dropout is rate-adjustable, so schedules reach it");
    }

    @Test
    void builderNamesACountMismatchAndTheLastActivationWins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.sizes(12, 8, 8, 8, 4)
                .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.2)), GaussianDropout.factory(DropoutRate.drop(0.5))));
        assertTrue(e.getMessage().contains("2 factories for 3 hidden layers"), e.getMessage());
        Network relu = Mlp.sizes(12, 8, 4).activation(Standout.factory(1, 0)).activation(Relu::new).build(1);
        assertEquals(List.of("Dense", "Relu", "Dense"), kinds(relu));
        Network standout = Mlp.sizes(12, 8, 4).activation(Relu::new).activation(Standout.factory(1, 0)).build(1);
        assertEquals(List.of("Dense", "Standout", "Dense"), kinds(standout));
    }

    /** The hooks split random streams only when used: {@code .dense(Dense::new)} is the default network, bit for bit. */
    @Test
    void hooksLeaveThePlainNetworksStreamsAlone() {
        Network plain = Mlp.sizes(12, 8, 8, 4).dropoutEverywhere(InvertedDropout.drop(0.5)).build(3);
        Network viaHook = Mlp.sizes(12, 8, 8, 4).dropoutEverywhere(InvertedDropout.drop(0.5)).dense(Dense::new).build(3);
        INDArray x = test.batch(0, 16);
        assertArrayEquals(plain.forward(x, Mode.TRAIN).dup().data().asFloat(), viaHook.forward(x, Mode.TRAIN).dup().data().asFloat());
    }

    /** DropConnect at p = 0 is the plain network exactly: same weights (same streams), same training outputs. */
    @Test
    void dropConnectAtZeroIsThePlainNetwork() {
        Network plain = Mlp.sizes(12, 8, 8, 4).init(Init.he()).build(4);
        Network dc = Mlp.sizes(12, 8, 8, 4).init(Init.he()).dense(DropConnectDense.factory(InvertedDropout.drop(0))).build(4);
        for (int k = 0; k < plain.params().size(); k++) {
            assertArrayEquals(plain.params().get(k).value().data().asFloat(), dc.params().get(k).value().data().asFloat());
        }
        INDArray x = test.batch(0, 16);
        assertArrayEquals(plain.forward(x, Mode.TRAIN).dup().data().asFloat(), dc.forward(x, Mode.TRAIN).dup().data().asFloat());
    }

    /**
     * The whole loss of a network with DropConnect, batch norm, SELU, Gaussian and alpha dropout against finite
     * differences, every random layer's stream re-seeded before each pass (masks and noise held fixed). SELU's
     * derivative jumps at 0, and finite differences across a kink are meaningless: every evaluation checks that no
     * SELU input changed sign (so no kink was crossed); a network seed where some ±ε step crosses one is skipped
     * for the next, so the check that does run is valid throughout. Step ε = 3e-3, not 1e-2: batch norm over a
     * 6-row batch is strongly curved, and at 1e-2 the truncation error alone reached the tolerance (measured on one
     * weight: numeric −0.020465 at ε = 1e-2, −0.020274 at 3e-3, −0.0202493 at 1e-3, analytic −0.0202497).
     */
    @Test
    void mixedNetworkLossGradientForEveryParameter() {
        INDArray x = Checks.random(6, 5, 4, 0);
        int[] labels = {0, 1, 2, 2, 1, 0};
        for (long seed = 1; seed < 200; seed++) {
            Network net = Mlp.sizes(5, 6, 4, 3).init(Init.normal(0.7))
                    .dense(DropConnectDense.factory(InvertedDropout.drop(0.3)))
                    .batchNorm()
                    .activation(Selu::new)
                    .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.3)), AlphaDropout.factory(DropoutRate.drop(0.2)))
                    .build(seed);
            // γ and β away from their 1 and 0 start, so their gradients are checked at a general point
            Rng moved = Rng.seeded(seed + 50);
            for (BatchNorm bn : net.layersOf(BatchNorm.class)) {
                for (int j = 0; j < bn.size(); j++) {
                    bn.gamma().putScalar(j, 1 + 0.3 * moved.gaussian());
                    bn.beta().putScalar(j, 0.3 * moved.gaussian());
                }
            }
            List<StochasticLayer> random = net.layersOf(StochasticLayer.class);
            Runnable fix = () -> {
                for (int i = 0; i < random.size(); i++) {
                    random.get(i).swapRng(Rng.seeded(100 + i));
                }
            };
            fix.run();
            String signs = seluInputSigns(net, x);
            fix.run();
            net.lossAndGradients(x, labels);
            List<INDArray> grads = net.params().stream().map(p -> p.gradient().dup()).toList();
            try {
                for (int k = 0; k < net.params().size(); k++) {
                    Param p = net.params().get(k);
                    Checks.gradient("seed " + seed + ", param " + k + " " + p.name(), p.value(), grads.get(k), () -> {
                        fix.run();
                        if (!seluInputSigns(net, x).equals(signs)) {
                            throw new KinkCrossed();
                        }
                        fix.run();
                        return net.loss().forward(net.forward(x, Mode.TRAIN), labels);
                    }, 3e-3);
                }
            } catch (KinkCrossed e) {
                continue;
            }
            return;
        }
        throw new AssertionError("every seed below 200 had a ±ε step crossing SELU's kink");
    }

    private static final class KinkCrossed extends RuntimeException {
    }

    /** "+"/"−" for every input of every SELU layer in a training pass. */
    private static String seluInputSigns(Network net, INDArray x) {
        StringBuilder s = new StringBuilder();
        INDArray a = x;
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Selu) {
                for (float z : a.data().asFloat()) {
                    s.append(z > 0 ? '+' : '-');
                }
            }
            a = layers.get(i).forward(a, Mode.TRAIN);
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "dropconnect", "standout", "selu-alpha", "batchnorm"})
    void eachVariantNetworkLearnsTheBlobs(String name) {
        History h = new Trainer(TrainConfig.d2l().epochs(5).batchSize(32).learningRate(0.1)).quiet()
                .fit(name, variant(name, 1), train, test);
        double first = h.epochs().get(0).trainLoss();
        double last = h.last().trainLoss();
        assertTrue(last < 0.8 * first, name + ": train loss " + first + " → " + last);
        assertTrue(h.last().testAccuracy() > 0.85, name + ": test accuracy " + h.last().testAccuracy());
    }

    /** A schedule reaches the new rate-adjustable layers too (Gaussian dropout, DropConnect, alpha dropout). */
    @Test
    void schedulesSetTheVariantsRates() {
        Network net = Mlp.sizes(12, 8, 8, 4).dense(DropConnectDense.factory(InvertedDropout.drop(0.5)))
                .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.5)))
                .dropoutEverywhere(InvertedDropout.drop(0.5)).build(1);
        new Trainer(TrainConfig.d2l().epochs(1).batchSize(100)).quiet()
                .schedule(DropoutSchedule.constant(DropoutRate.drop(0.1))).fit("schedule", net, train, test);
        assertEquals(6, net.dropoutLayers().size(), "2 DropConnect, 2 Gaussian, 2 Bernoulli dropout layers");
        net.dropoutLayers().forEach(l -> assertEquals(0.1, l.rate().dropProbability(), 1e-12, l.toString()));
        assertEquals(2, net.layersOf(DropoutLayer.class).size());
    }
}
