package dropout.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.nn.BatchNorm;
import dropout.nn.Mode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MovingAverageTraceTest {

    @Test
    void recordsWhatTheLayerHoldsAfterEachBatch() {
        BatchNorm traced = new BatchNorm(2);
        BatchNorm alone = new BatchNorm(2);
        var trace = MovingAverageTrace.of(traced, "a", "b");
        double[] lastMeanOfB = new double[3];
        for (int t = 0; t < 3; t++) {
            var x = Nd4j.create(new float[] {t, 10, t + 2, 20, t + 4, 60}, new long[] {3, 2}, 'c');
            trace.step(x);
            alone.forward(x, Mode.TRAIN);
            lastMeanOfB[t] = alone.runningMean()[1];
        }
        assertEquals(3, trace.steps());
        assertArrayEquals(lastMeanOfB, trace.means().get("b"), 0.0);
        assertArrayEquals(trace.mean(1), trace.means().get("b"), 0.0);
        assertEquals(alone.runningVariance()[0], trace.varianceAfter(3, 0), 0.0);
        // first batch: column a = {0, 2, 4}, mean 2, unbiased variance 4; m = 0.9 on the old value (0 and 1)
        assertEquals(0.1 * 2, trace.mean(0)[0], 1e-12);
        assertEquals(0.9 + 0.1 * 4, trace.variance(0)[0], 1e-6);
    }

    @Test
    void comparesTheLastAveragesWithTheData() {
        var layer = new ChannelBatchNorm(2);
        var trace = MovingAverageTrace.of(layer, "c0", "c1");
        trace.step(Nd4j.arange(16).reshape(2, 2, 2, 2));
        var data = new FeatureStats(new double[] {trace.mean(0)[0] + 0.5, trace.mean(1)[0]},
                new double[] {4, trace.variance(1)[0] / 2});
        assertEquals(0.25, trace.largestMeanError(data), 1e-12, "0.5 away, data standard deviation 2");
        assertEquals(1.0, trace.largestVarianceError(data), 1e-12, "twice the data variance");
        assertEquals(data.mean()[1], trace.dataMeans(data).get("c1, data"), 0.0);
        assertEquals(data.variance()[0], trace.dataVariances(data).get("c0, data"), 0.0);
        assertEquals(3, trace.table(data).toString().lines().count(), "a header and two rows");
        assertArrayEquals(new double[] {Math.sqrt(layer.batchVariance()[1] + BatchNorm.EPSILON)},
                new double[] {layer.batchStd()[1]}, 1e-15);
    }

    @Test
    void refusesMismatchedNamesAndUnrecordedSteps() {
        assertThrows(IllegalArgumentException.class, () -> MovingAverageTrace.of(new BatchNorm(3), "a", "b"));
        var trace = MovingAverageTrace.of(new BatchNorm(1), "a");
        assertThrows(IllegalArgumentException.class, () -> trace.varianceAfter(1, 0));
        assertThrows(IllegalArgumentException.class, () -> trace.mean(1));
    }
}
