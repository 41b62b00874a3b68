package dropout.testing;

import dropout.core.Rng;
import dropout.data.Dataset;

/** A small learnable problem for tests in every package: Gaussian blobs around random class centres. */
public final class Blobs {
    /** The class centres most tests share. */
    public static final long CENTRES = 12345;

    private Blobs() {
    }

    /** Sets made with the same centre seed and different sample seeds share their class centres (train/test splits). */
    public static Dataset make(int n, int dim, int classes, double spread, long centreSeed, long sampleSeed) {
        Rng centresRng = Rng.seeded(centreSeed);
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

    public static Dataset make(int n, int dim, int classes, double spread, long sampleSeed) {
        return make(n, dim, classes, spread, CENTRES, sampleSeed);
    }
}
