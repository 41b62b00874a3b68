package dropout.measure;

import java.util.Objects;

/**
 * The analysis quantities of Liu et al. (2023), as pure functions over flat gradient and parameter vectors
 * (every parameter of the model laid end to end, see {@link GradientProbes}). Sums run in double.
 * <ul>
 * <li>gradient norm ‖g‖₂;</li>
 * <li>distance from initialisation ‖W − W₀‖₂;</li>
 * <li>gradient direction variance GDV = mean over pairs i ≠ j of ½(1 − cos(gᵢ, gⱼ));</li>
 * <li>gradient direction error GDE = mean over i of ½(1 − cos(gᵢ, ĝ)).</li>
 * </ul>
 * ½(1 − cos) maps the angle between two directions to [0, 1]: 0 for the same direction, ½ for orthogonal
 * ones, 1 for opposite ones. A zero vector has no direction: any cosine involving one is NaN, and so is
 * every mean over it.
 */
public final class GradientMath {
    private GradientMath() {
    }

    /** Σ aᵢ bᵢ. */
    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Σ aᵢ bᵢ. */
    public static double dot(float[] a, double[] b) {
        requireSameLength(a.length, b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** ‖a‖₂. */
    public static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** ‖a‖₂. */
    public static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** ‖a − b‖₂, e.g. the distance of the parameters {@code a} from their initial values {@code b}. */
    public static double distance(float[] a, float[] b) {
        requireSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** cos(a, b) = a·b / (‖a‖ ‖b‖); NaN when either is the zero vector. */
    public static double cosine(float[] a, float[] b) {
        return cos(dot(a, b), norm(a), norm(b));
    }

    /** cos(a, b) = a·b / (‖a‖ ‖b‖); NaN when either is the zero vector. */
    public static double cosine(float[] a, double[] b) {
        return cos(dot(a, b), norm(a), norm(b));
    }

    /** ½(1 − cos(a, b)): 0 same direction, ½ orthogonal, 1 opposite. */
    public static double directionGap(float[] a, float[] b) {
        return 0.5 * (1.0 - cosine(a, b));
    }

    /**
     * GDV = mean over ordered pairs i ≠ j of ½(1 − cos(gᵢ, gⱼ)) (equal to the mean over unordered pairs, the
     * cosine being symmetric). k gradients cost k norms and k(k−1)/2 dot products of their length.
     */
    public static double directionVariance(float[][] gradients) {
        int k = requireAtLeast(gradients, 2, "GDV compares pairs of gradients");
        double[] norms = new double[k];
        for (int i = 0; i < k; i++) {
            norms[i] = norm(gradients[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                sum += 0.5 * (1.0 - cos(dot(gradients[i], gradients[j]), norms[i], norms[j]));
            }
        }
        return sum / ((double) k * (k - 1) / 2);
    }

    /** GDE = mean over i of ½(1 − cos(gᵢ, ĝ)), ĝ the reference (full-data) gradient. */
    public static double directionError(float[][] gradients, double[] reference) {
        int k = requireAtLeast(gradients, 1, "GDE averages over the mini-batch gradients");
        Objects.requireNonNull(reference, "reference: give the full-data gradient ĝ");
        double refNorm = norm(reference);
        double sum = 0;
        for (float[] g : gradients) {
            sum += 0.5 * (1.0 - cos(dot(g, reference), norm(g), refNorm));
        }
        return sum / k;
    }

    /** Mean over i of ‖gᵢ‖₂. */
    public static double meanNorm(float[][] gradients) {
        int k = requireAtLeast(gradients, 1, "a mean needs at least one gradient");
        double sum = 0;
        for (float[] g : gradients) {
            sum += norm(g);
        }
        return sum / k;
    }

    private static double cos(double dot, double normA, double normB) {
        if (normA == 0.0 || normB == 0.0) {
            return Double.NaN;
        }
        // Rounding can push |cos| a hair past 1 for (anti)parallel vectors; ½(1 − cos) must stay in [0, 1].
        return Math.max(-1.0, Math.min(1.0, dot / (normA * normB)));
    }

    private static int requireAtLeast(float[][] gradients, int min, String why) {
        Objects.requireNonNull(gradients, "gradients");
        if (gradients.length < min) {
            throw new IllegalArgumentException(gradients.length + " gradients: " + why + ", give at least " + min);
        }
        int n = gradients[0].length;
        for (int i = 1; i < gradients.length; i++) {
            if (gradients[i].length != n) {
                throw new IllegalArgumentException("gradient " + i + " has " + gradients[i].length + " values but gradient 0 has "
                        + n + ": every gradient must cover the same parameters, flattened in the same order");
            }
        }
        return gradients.length;
    }

    private static void requireSameLength(float[] a, float[] b) {
        requireSameLength(a.length, b.length);
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("vectors of lengths " + a + " and " + b
                    + ": both must cover the same parameters, flattened in the same order");
        }
    }
}
