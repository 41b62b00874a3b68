package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.testing.Blobs;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamChangeTest {
    private static Mlp builder(double p) {
        return Mlp.sizes(12, 16, 16, 4).init(Init.pytorchLinear()).dropoutEverywhere(InvertedDropout.drop(p));
    }

    @Test
    void freshTwinsDoNotDiffer() {
        var change = ParamChange.largest(builder(0.5).build(3), builder(0.5).build(3));
        assertEquals(List.of("layer 1 W", "layer 1 b", "layer 2 W", "layer 2 b", "layer 3 W", "layer 3 b"),
                List.copyOf(change.keySet()));
        change.values().forEach(v -> assertEquals(0.0, v, 0.0));
    }

    @Test
    void atDropoutOneOnlyTheOutputBiasLearns() {
        Dataset data = Blobs.make(200, 12, 4, 1.5, 1);
        Network trained = builder(1.0).build(3);
        new Trainer(TrainConfig.d2l().epochs(2).batchSize(50).learningRate(0.5)).quiet().fit("p=1", trained, data, data);
        var change = ParamChange.largest(builder(1.0).build(3), trained);
        for (String name : List.of("layer 1 W", "layer 1 b", "layer 2 W", "layer 2 b", "layer 3 W")) {
            assertEquals(0.0, change.get(name), 0.0, name);
        }
        assertTrue(change.get("layer 3 b") > 1e-3, "output bias moved by " + change.get("layer 3 b"));
    }

    @Test
    void differentShapesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ParamChange.largest(Mlp.sizes(12, 4).build(1), builder(0.5).build(1)));
    }
}
