package dropout.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.InvertedDropout;
import dropout.data.FashionMnist;
import dropout.nn.Mlp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** d2l's dropout MLP on the real Fashion-MNIST (CI installs the Debian package, so there it never skips). */
class FashionMnistEndToEndTest {
    private static FashionMnist data;

    @BeforeAll
    static void load() {
        boolean present = Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")) || System.getenv("FASHION_MNIST_DIR") != null;
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "Fashion-MNIST not installed: apt-get install dataset-fashion-mnist");
        }
        data = FashionMnist.load();
    }

    @Test
    void dropoutTwoFiveReachesEightyTwoPercentWithinThreeEpochs() {
        History h = new Trainer(TrainConfig.d2l().epochs(3)).quiet().fit("0.2/0.5",
                Mlp.sizes(784, 256, 256, 10).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(1),
                data.train(), data.test());
        assertTrue(h.epochs().stream().anyMatch(e -> e.testAccuracy() >= 0.82), "test accuracies " + java.util.Arrays.toString(h.testAccuracy()));
    }

    @Test
    void dropoutOneStaysAtChance() {
        History h = new Trainer(TrainConfig.d2l().epochs(2)).quiet().fit("1.0",
                Mlp.sizes(784, 256, 256, 10).dropoutEverywhere(InvertedDropout.drop(1)).build(1), data.train(), data.test());
        for (EpochStats e : h.epochs()) {
            assertTrue(e.testAccuracy() >= 0.08 && e.testAccuracy() <= 0.12, "test accuracy " + e.testAccuracy());
        }
    }

    @Test
    void sameSeedSameHistoryOnRealData() {
        var small = data.subset(5000, 1000);
        History a = new Trainer(TrainConfig.d2l().epochs(2)).quiet().fit("a",
                Mlp.sizes(784, 256, 256, 10).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(3), small.train(), small.test());
        History b = new Trainer(TrainConfig.d2l().epochs(2)).quiet().fit("b",
                Mlp.sizes(784, 256, 256, 10).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(3), small.train(), small.test());
        assertEquals(HistoryFingerprint.fingerprint(a), HistoryFingerprint.fingerprint(b));
    }
}
