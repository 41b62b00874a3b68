package dropout.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.core.Rng;
import dropout.arrays.Buffers;
import dropout.nn.BatchNorm;
import dropout.nn.Mode;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ChannelBatchNormTest {

    /** [n, c, h, w] with channel k shifted by 3k and scaled by (k + 1), seeded. */
    static INDArray input(int n, int c, int h, int w, long seed) {
        Rng rng = Rng.seeded(seed);
        float[] v = new float[n * c * h * w];
        for (int i = 0; i < v.length; i++) {
            int channel = (i / (h * w)) % c;
            v[i] = (float) (3 * channel + (channel + 1) * rng.gaussian());
        }
        return Nd4j.create(v, new long[] {n, c, h, w}, 'c');
    }

    @Test
    void statisticsArePerChannelOverBatchHeightAndWidth() {
        INDArray x = input(4, 3, 5, 2, 1);
        ChannelBatchNorm bn = new ChannelBatchNorm(3);
        INDArray y = bn.forward(x, Mode.TRAIN);
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            double outSum = 0;
            double outSquares = 0;
            for (int n = 0; n < 4; n++) {
                for (int h = 0; h < 5; h++) {
                    for (int w = 0; w < 2; w++) {
                        sum += x.getDouble(n, c, h, w);
                        squares += x.getDouble(n, c, h, w) * x.getDouble(n, c, h, w);
                        outSum += y.getDouble(n, c, h, w);
                        outSquares += y.getDouble(n, c, h, w) * y.getDouble(n, c, h, w);
                    }
                }
            }
            double mean = sum / 40;
            double variance = squares / 40 - mean * mean;
            assertEquals(mean, bn.batchMean()[c], 1e-5);
            assertEquals(variance, bn.batchVariance()[c], 1e-4);
            assertEquals(0, outSum / 40, 1e-6);
            assertEquals(variance / (variance + BatchNorm.EPSILON), outSquares / 40, 1e-5);
            assertEquals(0.1 * mean, bn.runningMean()[c], 1e-6);
            assertEquals(0.9 + 0.1 * variance * 40 / 39, bn.runningVariance()[c], 1e-5);
        }
    }

    @Test
    void withOnePixelPerChannelItIsTheDenseLayerInBothModes() {
        INDArray x = input(16, 3, 1, 1, 2);
        INDArray flat = Buffers.matrix(16, 3);
        FloatBuffer b = Buffers.of(flat);
        for (int i = 0; i < 48; i++) {
            b.put(i, x.getFloat(i / 3, i % 3, 0, 0));
        }
        ChannelBatchNorm conv = new ChannelBatchNorm(3);
        BatchNorm dense = new BatchNorm(3);
        for (Mode mode : new Mode[] {Mode.TRAIN, Mode.PREDICT}) {
            INDArray y = conv.forward(x, mode);
            INDArray z = dense.forward(flat, mode);
            for (int i = 0; i < 48; i++) {
                assertEquals(z.getFloat(i / 3, i % 3), y.getFloat(i / 3, i % 3, 0, 0), 1e-5, mode + " element " + i);
            }
        }
        assertArrayEquals(dense.runningVariance(), conv.runningVariance(), 1e-6);
    }

    @Test
    void gammaRootVariancePlusEpsilonAndBetaMeanGiveBackTheInput() {
        INDArray x = input(3, 2, 4, 4, 3);
        ChannelBatchNorm probe = new ChannelBatchNorm(2);
        probe.forward(x, Mode.TRAIN);
        double[] mu = probe.batchMean();
        double[] var = probe.batchVariance();
        ChannelBatchNorm bn = new ChannelBatchNorm(2)
                .scale(Math.sqrt(var[0] + BatchNorm.EPSILON), Math.sqrt(var[1] + BatchNorm.EPSILON)).shift(mu);
        INDArray y = bn.forward(x, Mode.TRAIN);
        assertEquals(0, y.sub(x).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void gammaZeroBetaOneMapsEveryInputToOne() {
        INDArray y = new ChannelBatchNorm(2).scale(0, 0).shift(1, 1).forward(input(3, 2, 2, 2, 4), Mode.TRAIN);
        assertEquals(1.0, y.minNumber().doubleValue(), 0.0);
        assertEquals(1.0, y.maxNumber().doubleValue(), 0.0);
    }

    @Test
    void d2lMxnetAveragesStartAtZeroAndAverageTheBiasedVariance() {
        INDArray x = input(2, 1, 3, 3, 5);
        ChannelBatchNorm bn = new ChannelBatchNorm(1, MovingAverages.D2L_MXNET);
        assertEquals(0, bn.runningVariance()[0], 0.0);
        bn.forward(x, Mode.TRAIN);
        assertEquals(0.1 * bn.batchVariance()[0], bn.runningVariance()[0], 1e-12);
        assertEquals(0.1 * bn.batchMean()[0], bn.runningMean()[0], 1e-12);
        ChannelBatchNorm lib = new ChannelBatchNorm(1);
        lib.forward(x, Mode.TRAIN);
        assertEquals(0.9 + 0.1 * lib.batchVariance()[0] * 18 / 17, lib.runningVariance()[0], 1e-12);
    }

    @Test
    void predictionUsesTheMovingAveragesAndLeavesThemAlone() {
        ChannelBatchNorm bn = new ChannelBatchNorm(1, MovingAverages.D2L_MXNET);
        INDArray x = Nd4j.create(new float[] {0.5f, 1.5f}, new long[] {1, 1, 1, 2}, 'c');
        INDArray y = bn.forward(x, Mode.PREDICT);
        assertEquals(0.5 / Math.sqrt(BatchNorm.EPSILON), y.getDouble(0, 0, 0, 0), 1e-3);
        assertEquals(0, bn.updates());
        assertEquals(0, bn.runningVariance()[0], 0.0);
    }

    @Test
    void badShapesAndValuesNameTheRule() {
        ChannelBatchNorm bn = new ChannelBatchNorm(3);
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Nd4j.zeros(2, 3), Mode.TRAIN));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Nd4j.zeros(2, 2, 2, 2), Mode.TRAIN));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Nd4j.zeros(1, 3, 1, 1), Mode.TRAIN));
        assertThrows(IllegalArgumentException.class, () -> bn.scale(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new ChannelBatchNorm(0));
        assertThrows(IllegalArgumentException.class, () -> new MovingAverages(1.0, 0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new MovingAverages(0.9, 0, -1, true));
    }
}
