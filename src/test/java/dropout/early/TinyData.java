package dropout.early;

import dropout.core.Rng;
import dropout.data.Dataset;

/** Small learnable problems for the early-dropout tests: Gaussian blobs around random class centres. */
final class TinyData {
    private TinyData() {
    }

    /** Class centres come from a fixed seed, so sets made with different sample seeds share them. */
    static Dataset blobs(int n, int dim, int classes, double spread, long sampleSeed) {
        Rng centresRng = Rng.seeded(777);
        Rng rng = Rng.seeded(sampleSeed);
        double[][] centres = new double[classes][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = centresRng.gaussian();
            }
        }
        float[] x = new float[n * dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.below(classes);
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (centres[y[i]][j] + spread * rng.gaussian());
            }
        }
        return new Dataset("blobs", x, y, dim, classes);
    }
}
