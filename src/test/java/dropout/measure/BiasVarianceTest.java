package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BiasVarianceTest {

    @Test
    void twoOppositeModelsByHand() {
        // model 1 says class 0 for sure, model 2 class 1; the label is 0.
        // errors 0 and 2 (mean 1); the average (½, ½) has error ¼ + ¼ = ½; each model is ½ + ½... away: variance ½.
        List<float[][]> p = List.of(new float[][] {{1f, 0f}}, new float[][] {{0f, 1f}});
        BiasVariance b = BiasVariance.of(p, new int[] {0});
        assertEquals(2, b.models());
        assertEquals(1.0, b.meanError(), 0.0);
        assertEquals(0.5, b.averagedError(), 0.0);
        assertEquals(0.5, b.variance(), 0.0);
        assertEquals(0.5, b.meanAccuracy(), 0.0);
        assertEquals(1.0, b.averagedAccuracy(), 0.0);   // the tie goes to class 0
        assertEquals(0.5, b.varianceShare(), 0.0);
    }

    @Test
    void identicalModelsHaveNoVariance() {
        float[][] one = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.1f, 0.8f}};
        BiasVariance b = BiasVariance.of(List.of(one, one, one), new int[] {0, 1});
        assertEquals(0.0, b.variance(), 0.0);
        assertEquals(b.meanError(), b.averagedError(), 1e-15);
        double expected = ((0.3 * 0.3 + 0.2 * 0.2 + 0.1 * 0.1) + (0.1 * 0.1 + 0.9 * 0.9 + 0.8 * 0.8)) / 2;
        assertEquals(expected, b.meanError(), 1e-6);
        assertEquals(0.5, b.meanAccuracy(), 0.0);
    }

    @Test
    void meanErrorIsAveragedErrorPlusVarianceForRandomPredictions() {
        Rng rng = Rng.seeded(3);
        int n = 200, classes = 10;
        List<float[][]> models = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            float[][] p = new float[n][classes];
            for (float[] row : p) {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    row[c] = (float) rng.uniform();
                    sum += row[c];
                }
                for (int c = 0; c < classes; c++) {
                    row[c] /= (float) sum;
                }
            }
            models.add(p);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.below(classes);
        }
        BiasVariance b = BiasVariance.of(models, labels);
        assertEquals(b.meanError(), b.averagedError() + b.variance(), 1e-12);
        assertTrue(b.variance() > 0);
    }

    @Test
    void rejectsMismatchedInputNamingTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> BiasVariance.of(List.<float[][]>of(), new int[] {0}));
        assertTrue(e.getMessage().contains("no models"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BiasVariance.of(List.<float[][]>of(new float[][] {{1f, 0f}}), new int[] {0, 1}));
        assertTrue(e.getMessage().contains("predicts 1 examples, the labels hold 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BiasVariance.of(List.<float[][]>of(new float[][] {{1f, 0f}}), new int[] {2}));
        assertTrue(e.getMessage().contains("label 0 is 2"), e.getMessage());
    }
}
