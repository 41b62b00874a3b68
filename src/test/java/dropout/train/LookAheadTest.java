package dropout.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.UnscaledDropout;
import dropout.core.VanillaDropout;
import dropout.data.Dataset;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.nn.Param;
import dropout.testing.Blobs;
import dropout.variants.AlphaDropout;
import dropout.variants.DropConnectDense;
import dropout.variants.GaussianDropout;
import dropout.variants.Selu;
import dropout.variants.Standout;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Preparing each mini-batch on a second thread (the gather, and the dropout layers' draws) changes no number:
 * a run with look-ahead and the same run without it give the same history and the same final parameters, to
 * the last bit, for every kind of stochastic layer, with and without a schedule that changes the rate.
 */
class LookAheadTest {
    // 230 = 6 batches of 36 and a last one of 14: the short batch takes its own buffers
    private static final Dataset TRAIN = Blobs.make(230, 12, 4, 1.5, 3);
    private static final Dataset TEST = Blobs.make(60, 12, 4, 1.5, 4);
    private static final TrainConfig CONFIG = TrainConfig.d2l().epochs(3).batchSize(36).learningRate(0.3).seed(5);

    enum Kind { VANILLA, INVERTED, UNSCALED, GAUSSIAN, ALPHA, DROPCONNECT, STANDOUT, STANDOUT_THEN_DROPOUT }

    /** Schedules by name: none, constant, one change mid-epoch, a change every iteration, off and on again. */
    enum Plan {
        NONE(null),
        CONSTANT(DropoutSchedule.constant(DropoutRate.drop(0.3))),
        STEP(t -> DropoutRate.drop(t < 9 ? 0.3 : 0.1)),
        EVERY_ITERATION(t -> DropoutRate.drop(0.4 * Math.max(0, 14 - t) / 14.0)),
        OFF_AND_ON(t -> DropoutRate.drop(t % 7 < 3 ? 0.0 : 0.2));

        final DropoutSchedule schedule;

        Plan(DropoutSchedule schedule) {
            this.schedule = schedule;
        }
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Kind.values()).flatMap(k -> Arrays.stream(Plan.values())
                .filter(p -> p == Plan.NONE || hasRate(k)).map(p -> Arguments.of(k, p)));
    }

    private static boolean hasRate(Kind k) {
        return k != Kind.STANDOUT;
    }

    static Network net(Kind kind) {
        Mlp mlp = Mlp.sizes(12, 16, 8, 4);
        DropoutRate p = DropoutRate.drop(0.3);
        Mlp built = switch (kind) {
            case VANILLA -> mlp.dropoutEverywhere(new VanillaDropout(p));
            case INVERTED -> mlp.dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5));
            case UNSCALED -> mlp.dropoutEverywhere(new UnscaledDropout(p));
            case GAUSSIAN -> mlp.layerAfterActivation(GaussianDropout.factory(p), GaussianDropout.factory(p));
            case ALPHA -> mlp.activation(Selu::new)
                    .layerAfterActivation(AlphaDropout.factory(DropoutRate.drop(0.1)), AlphaDropout.factory(DropoutRate.drop(0.1)));
            case DROPCONNECT -> mlp.dense(DropConnectDense.factory(new InvertedDropout(p)));
            case STANDOUT -> mlp.activation(Standout.factory(1, 0));
            case STANDOUT_THEN_DROPOUT -> mlp.activation(Standout.factory(1, 0)).dropoutEverywhere(new InvertedDropout(p));
        };
        return built.build(8);
    }

    /** The history's bits and the final parameters' bits. */
    static String bits(History h, Network net) {
        StringBuilder s = new StringBuilder(HistoryFingerprint.fingerprint(h));
        for (Param p : net.params()) {
            for (float v : p.value().data().asFloat()) {
                s.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
            }
        }
        return s.toString();
    }

    private static String run(Kind kind, Plan plan, boolean lookAhead) {
        Network net = net(kind);
        Trainer t = new Trainer(CONFIG).quiet().lookAhead(lookAhead);
        if (plan.schedule != null) {
            t.schedule(plan.schedule);
        }
        return bits(t.fit("run", net, TRAIN, TEST), net);
    }

    @ParameterizedTest(name = "{0} network, schedule {1}")
    @MethodSource("cases")
    void lookAheadLeavesEveryNumberBitIdentical(Kind kind, Plan plan) {
        String plain = run(kind, plan, false);
        assertEquals(plain, run(kind, plan, true), "look-ahead changed the training of a " + kind + " network under " + plan);
    }

    /**
     * Proof that the draws are made ahead: a schedule that breaks its contract (another rate when asked a
     * second time for the same iteration) meets noise drawn at the rate it first gave, and the pass refuses it
     * instead of training on noise of the wrong rate. Without look-ahead the same schedule trains.
     */
    @Test
    void noiseIsDrawnAheadAndAPassItDoesNotFitIsRefused() {
        Supplier<DropoutSchedule> fickle = () -> new DropoutSchedule() {
            private final java.util.Set<Long> asked = new java.util.HashSet<>();

            @Override
            public DropoutRate at(long iteration) {
                return DropoutRate.drop(asked.add(iteration) ? 0.3 : 0.25);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Trainer(CONFIG).quiet().lookAhead(true)
                .schedule(fickle.get()).fit("fickle", net(Kind.INVERTED), TRAIN, TEST));
        assertTrue(e.getMessage().contains("drawn ahead"), e.getMessage());
        History h = new Trainer(CONFIG).quiet().lookAhead(false).schedule(fickle.get()).fit("fickle", net(Kind.INVERTED), TRAIN, TEST);
        assertEquals(CONFIG.epochs(), h.epochs().size());
    }

    @Test
    void aListenerSeesTheSameRunWithAndWithoutLookAhead() {
        StringBuilder seenAhead = new StringBuilder();
        StringBuilder seenPlain = new StringBuilder();
        Network a = net(Kind.INVERTED);
        Network b = net(Kind.INVERTED);
        String ahead = bits(new Trainer(CONFIG).quiet().lookAhead(true).listen(s -> seenAhead.append(Double.doubleToRawLongBits(s.loss())).append(' '))
                .fit("ahead", a, TRAIN, TEST), a);
        String plain = bits(new Trainer(CONFIG).quiet().lookAhead(false).listen(s -> seenPlain.append(Double.doubleToRawLongBits(s.loss())).append(' '))
                .fit("plain", b, TRAIN, TEST), b);
        assertEquals(plain, ahead);
        assertEquals(seenPlain.toString(), seenAhead.toString());
    }
}
