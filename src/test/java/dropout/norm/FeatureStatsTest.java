package dropout.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dropout.arrays.Buffers;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.nn.BatchNorm;
import dropout.nn.Mode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FeatureStatsTest {

    private static Dataset data(int n, int dim, long seed) {
        Rng rng = Rng.seeded(seed);
        float[] f = new float[n * dim];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) ((i % dim) + (1 + i % dim) * rng.gaussian());
        }
        return new Dataset("gauss", f, new int[n], dim, 1);
    }

    @Test
    void meanAndBiasedVariancePerColumn() {
        INDArray x = Buffers.matrix(4, 2);
        Buffers.of(x).put(0, new float[] {1, 10, 2, 20, 3, 30, 6, 40});
        FeatureStats s = FeatureStats.of(x);
        assertArrayEquals(new double[] {3, 25}, s.mean(), 1e-12);
        assertArrayEquals(new double[] {14.0 / 4, 500.0 / 4}, s.variance(), 1e-12);
        assertEquals(25, s.maxAbsMean(), 0);
        assertEquals(3.5, s.minVariance(), 0);
        assertEquals(125, s.maxVariance(), 0);
        assertEquals(2, s.size());
    }

    @Test
    void datasetColumnsAgreeWithTheirBatch() {
        Dataset d = data(300, 5, 1);
        int[] cols = {4, 0, 2};
        INDArray batch = FeatureStats.columns(d, 0, 300, cols);
        assertEquals(d.feature(7, 4), batch.getFloat(7, 0));
        assertEquals(d.feature(7, 0), batch.getFloat(7, 1));
        assertEquals(d.feature(299, 2), batch.getFloat(299, 2));
        FeatureStats a = FeatureStats.of(d, cols);
        FeatureStats b = FeatureStats.of(batch);
        assertArrayEquals(a.mean(), b.mean(), 1e-9);
        assertArrayEquals(a.variance(), b.variance(), 1e-9);
        INDArray part = FeatureStats.columns(d, 100, 3, 1);
        assertEquals(d.feature(102, 1), part.getFloat(2, 0));
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.columns(d, 299, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.of(d, 5));
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.of(d));
    }

    /** What notebook 7 prints: batch norm's training output has per-feature mean 0 and variance σ²/(σ² + ε). */
    @Test
    void batchNormTrainingOutputIsStandardised() {
        Dataset d = data(256, 3, 2);
        INDArray x = FeatureStats.columns(d, 0, 256, 0, 1, 2);
        FeatureStats in = FeatureStats.of(x);
        FeatureStats out = FeatureStats.of(new BatchNorm(3).forward(x, Mode.TRAIN));
        for (int j = 0; j < 3; j++) {
            assertEquals(0, out.mean()[j], 1e-6);
            assertEquals(in.variance()[j] / (in.variance()[j] + BatchNorm.EPSILON), out.variance()[j], 1e-5);
        }
    }
}
