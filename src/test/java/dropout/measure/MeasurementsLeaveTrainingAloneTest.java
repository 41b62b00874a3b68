package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.UnscaledDropout;
import dropout.core.VanillaDropout;
import dropout.data.Dataset;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.testing.Blobs;
import dropout.train.EpochStats;
import dropout.train.History;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import dropout.variants.AlphaDropout;
import dropout.variants.DropConnectDense;
import dropout.variants.GaussianDropout;
import dropout.variants.Selu;
import dropout.variants.Standout;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every measurement tool, run between training steps, leaves the training run bit-identical, for every kind of
 * stochastic layer: the same history to the last bit and the same final parameters.
 */
class MeasurementsLeaveTrainingAloneTest {
    private static final Dataset TRAIN = Blobs.make(240, 12, 4, 1.5, 777, 1);
    private static final Dataset TEST = Blobs.make(80, 12, 4, 1.5, 777, 2);
    private static final TrainConfig CONFIG = TrainConfig.d2l().epochs(2).batchSize(40).learningRate(0.3).seed(5);
    private static final float[] INPUT = {0.5f, -1f, 0.25f, 2f, -0.5f, 1f, 0f, 0.75f, -1.5f, 0.1f, 1.2f, -0.3f};

    enum Kind { VANILLA, INVERTED, UNSCALED, GAUSSIAN, ALPHA, DROPCONNECT, STANDOUT }

    enum Tool { EXPECTATION, MC_DROPOUT, GRADIENT_PROBES }

    static Stream<Arguments> cases() {
        return Arrays.stream(Kind.values()).flatMap(k -> Arrays.stream(Tool.values()).map(t -> Arguments.of(k, t)));
    }

    private static Network net(Kind kind) {
        Mlp mlp = Mlp.sizes(12, 16, 8, 4);
        DropoutRate p = DropoutRate.drop(0.3);
        Mlp built = switch (kind) {
            case VANILLA -> mlp.dropoutEverywhere(new VanillaDropout(p));
            case INVERTED -> mlp.dropoutEverywhere(new InvertedDropout(p));
            case UNSCALED -> mlp.dropoutEverywhere(new UnscaledDropout(p));
            case GAUSSIAN -> mlp.layerAfterActivation(GaussianDropout.factory(p), GaussianDropout.factory(p));
            case ALPHA -> mlp.activation(Selu::new)
                    .layerAfterActivation(AlphaDropout.factory(DropoutRate.drop(0.1)), AlphaDropout.factory(DropoutRate.drop(0.1)));
            case DROPCONNECT -> mlp.dense(DropConnectDense.factory(new InvertedDropout(p)));
            case STANDOUT -> mlp.activation(Standout.factory(1, 0));
        };
        return built.build(8);
    }

    /** The run's history bits and final parameter bits; {@code tool} (or nothing, when null) measures after every step. */
    private static String run(Kind kind, Tool tool) {
        Network net = net(kind);
        Trainer trainer = new Trainer(CONFIG).quiet();
        if (tool == Tool.GRADIENT_PROBES) {
            long steps = (long) CONFIG.epochs() * CONFIG.iterationsPerEpoch(TRAIN.size());
            trainer.listen(GradientProbes.of(net, TRAIN, Rng.seeded(99)).at(GradientProbes.evenly((int) steps, steps))
                    .batches(2, 16).reference(TRAIN.first(40)));
        } else if (tool == Tool.EXPECTATION) {
            trainer.listen(s -> NetworkExpectation.measure(s.network(), INPUT, 50, 3));
        } else if (tool == Tool.MC_DROPOUT) {
            trainer.listen(s -> new McDropout(s.network(), 3, 4).predict(TEST.first(30), 16));
        }
        History h = trainer.fit("run", net, TRAIN, TEST);
        StringBuilder s = new StringBuilder();
        for (EpochStats e : h.epochs()) {
            for (double v : new double[] {e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy()}) {
                s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
            }
        }
        for (float w : GradientProbes.flatValues(net)) {
            s.append(Integer.toHexString(Float.floatToRawIntBits(w))).append(' ');
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{1} between the steps of a {0} network")
    @MethodSource("cases")
    void aMeasurementBetweenStepsLeavesTheRunBitIdentical(Kind kind, Tool tool) {
        String plain = run(kind, null);
        assertEquals(plain, run(kind, null), "the same run twice is the same");
        assertEquals(plain, run(kind, tool), tool + " shifted the training of a " + kind + " network");
    }
}
