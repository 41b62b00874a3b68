package dropout.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exact semantics of vanilla and inverted dropout: where the scaling goes, and the edges p = 0 and p = 1. */
class DropoutStylesTest {
    private final INDArray h = Nd4j.create(new float[] {1f, -2f, 3f, 4f, 0.5f, -6f}, new long[] {2, 3}, DataType.FLOAT);
    private final INDArray mask = Nd4j.create(new float[] {1f, 0f, 1f, 0f, 0f, 1f}, new long[] {2, 3}, DataType.FLOAT);

    @Test
    void vanillaMasksInTrainingAndScalesByKeepAtPrediction() {
        VanillaDropout d = VanillaDropout.drop(0.25);
        assertArrayEquals(new float[] {1f, 0f, 3f, 0f, 0f, -6f}, d.train(h, mask).data().asFloat(), 0f);
        assertArrayEquals(new float[] {0.75f, -1.5f, 2.25f, 3f, 0.375f, -4.5f}, d.predict(h).data().asFloat(), 0f);
    }

    @Test
    void invertedScalesByOneOverKeepInTrainingAndIsIdentityAtPrediction() {
        InvertedDropout d = InvertedDropout.drop(0.5);
        assertArrayEquals(new float[] {2f, 0f, 6f, 0f, 0f, -12f}, d.train(h, mask).data().asFloat(), 0f);
        assertArrayEquals(h.data().asFloat(), d.predict(h).data().asFloat(), 0f);
    }

    @Test
    void dropZeroIsTheIdentityInBothModesAndStyles() {
        INDArray ones = Mask.sample(DropoutRate.drop(0), Rng.seeded(1), 2, 3);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, ones.data().asFloat());
        for (Dropout d : new Dropout[] {VanillaDropout.drop(0), InvertedDropout.drop(0)}) {
            assertArrayEquals(h.data().asFloat(), d.train(h, ones).data().asFloat());
            assertArrayEquals(h.data().asFloat(), d.predict(h).data().asFloat(), 0f);
        }
    }

    @Test
    void dropOneGivesZerosWithoutDividingByZero() {
        INDArray zeros = Mask.sample(DropoutRate.drop(1), Rng.seeded(1), 2, 3);
        assertArrayEquals(new float[6], zeros.data().asFloat());
        InvertedDropout inverted = InvertedDropout.drop(1);
        assertEquals(0f, inverted.trainScale());
        float[] out = inverted.train(h, zeros).data().asFloat();
        for (float v : out) {
            assertEquals(0f, Math.abs(v), "no NaN or infinity: " + java.util.Arrays.toString(out));
        }
        float[] vanillaPredict = VanillaDropout.drop(1).predict(h).data().asFloat();
        for (float v : vanillaPredict) {
            assertEquals(0f, Math.abs(v));
        }
    }

    @Test
    void bothConventionsGiveTheSameMaskAndOutput() {
        INDArray a = InvertedDropout.drop(0.3).train(h, Rng.seeded(7));
        INDArray b = InvertedDropout.keep(0.7).train(h, Rng.seeded(7));
        assertArrayEquals(a.data().asFloat(), b.data().asFloat());
    }

    @Test
    void maskOfTheWrongShapeIsRejected() {
        INDArray wrong = Nd4j.ones(DataType.FLOAT, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InvertedDropout.drop(0.5).train(h, wrong));
        assertEquals(true, e.getMessage().contains("[3, 2]"), e.getMessage());
    }

    @Test
    void withRateKeepsTheStyle() {
        Dropout d = VanillaDropout.drop(0.1).withRate(DropoutRate.keep(0.4));
        assertEquals(VanillaDropout.class, d.getClass());
        assertEquals(0.4f, d.predictScale());
    }
}
