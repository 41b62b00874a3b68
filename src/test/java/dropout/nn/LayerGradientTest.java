package dropout.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.arrays.Buffers;
import dropout.core.Dropout;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.core.VanillaDropout;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every layer's backward pass against finite differences of f = Σ forward(x) ⊙ R for a fixed random R. */
class LayerGradientTest {

    static INDArray random(int rows, int cols, long seed, double awayFromZero) {
        INDArray a = Buffers.matrix(rows, cols);
        FloatBuffer b = Buffers.of(a);
        Rng rng = Rng.seeded(seed);
        for (int i = 0; i < rows * cols; i++) {
            double v = rng.gaussian();
            b.put(i, (float) (Math.signum(v) * (Math.abs(v) + awayFromZero)));
        }
        return a;
    }

    static double dot(INDArray a, INDArray r) {
        FloatBuffer x = Buffers.of(a);
        FloatBuffer y = Buffers.of(r);
        double s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += (double) x.get(i) * y.get(i);
        }
        return s;
    }

    @Test
    void denseGradientsOfWeightsBiasAndInput() {
        Dense dense = new Dense(4, 3, Init.normal(0.5), Rng.seeded(1));
        INDArray x = random(5, 4, 2, 0);
        INDArray r = random(5, 3, 3, 0);
        dense.forward(x, Mode.TRAIN);
        INDArray dx = dense.backward(r, true).dup();
        java.util.function.DoubleSupplier f = () -> dot(dense.forward(x, Mode.TRAIN), r);
        GradientCheck.check("dW", dense.weights(), dense.params().get(0).gradient(), f);
        GradientCheck.check("db", dense.bias(), dense.params().get(1).gradient(), f);
        GradientCheck.check("dx", x, dx, f);
    }

    @Test
    void denseForwardIsXTimesWPlusB() {
        Dense dense = new Dense(2, 2, Init.normal(1), Rng.seeded(4));
        Buffers.of(dense.weights()).put(0, 1f).put(1, 2f).put(2, 3f).put(3, 4f);
        Buffers.of(dense.bias()).put(0, 0.5f).put(1, -1f);
        INDArray x = Buffers.matrix(1, 2);
        Buffers.of(x).put(0, 1f).put(1, 10f);
        assertArrayEquals(new float[] {31.5f, 41f}, dense.forward(x, Mode.PREDICT).data().asFloat());
    }

    @Test
    void denseSkipsTheInputGradientWhenNotAsked() {
        Dense dense = new Dense(3, 2, Init.d2l(), Rng.seeded(1));
        dense.forward(random(2, 3, 1, 0), Mode.TRAIN);
        assertNull(dense.backward(random(2, 2, 2, 0), false));
    }

    @Test
    void denseRejectsAWrongInputWidthNamingTheShape() {
        Dense dense = new Dense(3, 2, Init.d2l(), Rng.seeded(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.forward(random(2, 4, 1, 0), Mode.TRAIN));
        assertEquals(true, e.getMessage().contains("[batch, 3]") && e.getMessage().contains("[2, 4]"), e.getMessage());
    }

    @Test
    void reluGradient() {
        Relu relu = new Relu(6);
        INDArray x = random(4, 6, 5, 0.1);
        INDArray r = random(4, 6, 6, 0);
        relu.forward(x, Mode.TRAIN);
        INDArray dx = relu.backward(r, true).dup();
        GradientCheck.check("relu dx", x, dx, () -> dot(relu.forward(x, Mode.TRAIN), r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "inverted"})
    void dropoutGradientWithTheMaskHeldFixed(String style) {
        Dropout d = style.equals("vanilla") ? VanillaDropout.drop(0.4) : InvertedDropout.drop(0.4);
        DropoutLayer layer = new DropoutLayer(6, d, Rng.seeded(9));
        INDArray x = random(4, 6, 7, 0);
        INDArray r = random(4, 6, 8, 0);
        layer.forward(x, Mode.TRAIN);
        INDArray dx = layer.backward(r, true).dup();
        GradientCheck.check(style + " dropout dx", x, dx, () -> {
            layer.swapRng(Rng.seeded(9));
            return dot(layer.forward(x, Mode.TRAIN), r);
        });
    }

    @Test
    void dropoutBackwardReusesTheForwardMask() {
        DropoutLayer layer = new DropoutLayer(50, InvertedDropout.drop(0.5), Rng.seeded(2));
        INDArray x = random(8, 50, 1, 0);
        INDArray y = layer.forward(x, Mode.TRAIN).dup();
        INDArray mask = layer.lastMask().dup();
        INDArray dy = random(8, 50, 3, 0);
        float[] dx = layer.backward(dy, true).data().asFloat();
        float[] m = mask.data().asFloat();
        float[] g = dy.data().asFloat();
        float[] xs = x.data().asFloat();
        float[] ys = y.data().asFloat();
        int dropped = 0;
        for (int i = 0; i < dx.length; i++) {
            assertEquals(g[i] * m[i] * 2f, dx[i], 0f);
            assertEquals(xs[i] * m[i] * 2f, ys[i], 0f);
            dropped += m[i] == 0f ? 1 : 0;
        }
        assertNotEquals(0, dropped);
    }

    @Test
    void predictionModeScalesOnlyForVanilla() {
        INDArray x = random(3, 5, 1, 0);
        DropoutLayer inverted = new DropoutLayer(5, InvertedDropout.drop(0.3), Rng.seeded(1));
        assertSame(x, inverted.forward(x, Mode.PREDICT));
        DropoutLayer vanilla = new DropoutLayer(5, VanillaDropout.drop(0.3), Rng.seeded(1));
        float[] out = vanilla.forward(x, Mode.PREDICT).data().asFloat();
        float[] in = x.data().asFloat();
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i] * 0.7f, out[i], 1e-6f);
        }
    }

    @Test
    void trainingModeAtDropOneIsZeroAndAtDropZeroIsTheInput() {
        INDArray x = random(3, 5, 1, 0);
        DropoutLayer all = new DropoutLayer(5, InvertedDropout.drop(1), Rng.seeded(1));
        for (float v : all.forward(x, Mode.TRAIN).data().asFloat()) {
            assertEquals(0f, Math.abs(v));
        }
        DropoutLayer none = new DropoutLayer(5, InvertedDropout.drop(0), Rng.seeded(1));
        assertSame(x, none.forward(x, Mode.TRAIN));
    }

    @Test
    void backwardBeforeForwardIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Dense(2, 2, Init.d2l(), Rng.seeded(1)).backward(Buffers.matrix(1, 2), true));
        assertEquals(true, e.getMessage().contains("forward"), e.getMessage());
    }
}
