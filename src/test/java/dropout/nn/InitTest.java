package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.arrays.Buffers;
import dropout.core.Rng;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** PyTorch's nn.Linear default next to the zero-bias schemes. */
class InitTest {

    private static float[] values(INDArray a) {
        FloatBuffer b = Buffers.of(a);
        float[] out = new float[(int) a.length()];
        b.get(0, out);
        return out;
    }

    @Test
    void pytorchLinearDrawsWeightsAndBiasesUniformlyWithinOneOverRootFanIn() {
        Dense dense = new Dense(784, 256, Init.pytorchLinear(), Rng.seeded(3));
        double bound = 1 / Math.sqrt(784);
        for (INDArray a : new INDArray[] {dense.weights(), dense.bias()}) {
            float[] v = values(a);
            double sum = 0;
            double squares = 0;
            for (float x : v) {
                assertTrue(Math.abs(x) <= bound, "value " + x + " outside ±" + bound);
                sum += x;
                squares += (double) x * x;
            }
            int n = v.length;
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            // U(-b, b): mean 0, variance b²/3; sd of the sample mean b/√(3n), of the sample variance ≈ b²·√(4/45/n)
            assertEquals(0, mean, 4 * bound / Math.sqrt(3.0 * n), "mean of " + n + " values");
            assertEquals(bound * bound / 3, variance, 4 * bound * bound * Math.sqrt(4.0 / 45 / n), "variance of " + n);
        }
    }

    @Test
    void theBiasBoundUsesTheLayersFanInNotItsWidth() {
        Dense dense = new Dense(4, 2000, Init.pytorchLinear(), Rng.seeded(5));
        double max = 0;
        for (float x : values(dense.bias())) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= 0.5 && max > 0.49, "largest |bias| " + max + " should approach 1/√4 = 0.5");
    }

    @Test
    void zeroBiasSchemesLeaveBiasesAtZeroAndDrawExactlyTheWeightsTheyAlwaysDrew() {
        Dense dense = new Dense(30, 20, Init.d2l(), Rng.seeded(7));
        assertArrayEquals(new float[20], values(dense.bias()));
        INDArray expected = Buffers.matrix(30, 20);
        Init.d2l().fill(expected, Rng.seeded(7));
        assertArrayEquals(values(expected), values(dense.weights()));
    }

    @Test
    void sameSeedSameWeightsAndBiases() {
        Dense a = new Dense(10, 6, Init.pytorchLinear(), Rng.seeded(11));
        Dense b = new Dense(10, 6, Init.pytorchLinear(), Rng.seeded(11));
        assertArrayEquals(values(a.weights()), values(b.weights()));
        assertArrayEquals(values(a.bias()), values(b.bias()));
    }
}
