package dropout.charts;

import dropout.train.EpochStats;
import dropout.train.History;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic, realistic-looking inputs for the chart tests and the preview. */
final class Samples {
    private Samples() {
    }

    /** A run whose loss falls like 1/epoch towards floor, with a train/test gap. */
    static History run(String label, int epochs, double floor, double gap, long seed) {
        Random r = new Random(seed);
        History h = new History(label);
        for (int e = 1; e <= epochs; e++) {
            double trainLoss = floor + 1.1 / (e + 0.6) + 0.01 * r.nextGaussian();
            double testLoss = trainLoss + gap * Math.log1p(e) / 3 + 0.012 * r.nextGaussian();
            double trainAcc = 0.92 - 0.55 * trainLoss + 0.004 * r.nextGaussian();
            double testAcc = 0.93 - 0.55 * testLoss + 0.004 * r.nextGaussian();
            h.add(new EpochStats(e, trainLoss, trainAcc, testLoss, testAcc, 4.0, 0.5));
        }
        return h;
    }

    static List<History> threeRuns() {
        return List.of(
                run("no dropout", 10, 0.18, 0.12, 1),
                run("dropout 0.2 / 0.5", 10, 0.26, 0.03, 2),
                run("dropout 0.5 / 0.5", 10, 0.33, -0.02, 3));
    }

    /** A run that diverges: NaN loss from epoch 6 on. */
    static History diverged() {
        History h = new History("lr 3.0 (diverged)");
        double[] loss = {2.1, 1.7, 1.9, 3.5, 9.0, Double.NaN, Double.NaN, Double.NaN};
        for (int e = 1; e <= loss.length; e++) {
            double acc = Double.isNaN(loss[e - 1]) ? 0.1 : 0.45 - 0.03 * e;
            h.add(new EpochStats(e, loss[e - 1], acc, loss[e - 1] * 1.05, acc - 0.01, 4.0, 0.5));
        }
        return h;
    }

    static Map<String, double[]> gradientNorms() {
        Map<String, double[]> m = new LinkedHashMap<>();
        double[] a = new double[30];
        double[] b = new double[30];
        double[] c = new double[30];
        Random r = new Random(7);
        for (int i = 0; i < 30; i++) {
            a[i] = 2.0 * Math.exp(-i / 10.0) + 0.05 * r.nextGaussian() + 0.3;
            b[i] = 1.6 * Math.exp(-i / 12.0) + 0.05 * r.nextGaussian() + 0.3;
            c[i] = (i < 12 ? 1.2 : 1.9) * Math.exp(-i / 14.0) + 0.05 * r.nextGaussian() + 0.3;
        }
        m.put("no dropout", a);
        m.put("early dropout", b);
        m.put("late dropout", c);
        return m;
    }

    /** Activations h·m/q of a ReLU unit with h ~ |N(1, 0.3)|, for several drop rates. */
    static Map<String, double[]> dropoutOutputs(int n) {
        Map<String, double[]> m = new LinkedHashMap<>();
        Random r = new Random(11);
        for (double p : new double[] {0.0, 0.5}) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                double h = Math.abs(1 + 0.3 * r.nextGaussian());
                s[i] = r.nextDouble() < p ? 0 : h / (1 - p);
            }
            m.put(p == 0 ? "no dropout" : "inverted dropout p = " + p, s);
        }
        double[] g = new double[n];
        double sigma = Math.sqrt(0.5 / 0.5);
        for (int i = 0; i < n; i++) {
            g[i] = Math.abs(1 + 0.3 * r.nextGaussian()) * (1 + sigma * r.nextGaussian());
        }
        m.put("gaussian dropout", g);
        return m;
    }

    static float[][] mask(int rows, int cols, double keep, long seed) {
        Random r = new Random(seed);
        float[][] m = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = r.nextDouble() < keep ? 1f : 0f;
            }
        }
        return m;
    }

    static float[][] activations(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[][] m = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = (float) Math.max(0, 0.8 + 0.6 * r.nextGaussian() + 0.05 * j);
            }
        }
        return m;
    }

    /** Running means of Bernoulli(q)/q samples (inverted-dropout mask values), mean 1, sd sqrt(p/q). */
    static long[] counts() {
        List<Long> out = new ArrayList<>();
        for (long n = 1; n <= 100_000; n = Math.max(n + 1, (long) (n * 1.2))) {
            out.add(n);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static Map<String, double[]> runningMeans(long[] counts, double p) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed);
            double[] est = new double[counts.length];
            double sum = 0;
            long n = 0;
            for (int k = 0; k < counts.length; k++) {
                while (n < counts[k]) {
                    sum += r.nextDouble() < p ? 0 : 1 / (1 - p);
                    n++;
                }
                est[k] = sum / n;
            }
            m.put("seed " + seed, est);
        }
        return m;
    }

    static double[] band(long[] counts, double target, double sd, double k) {
        double[] b = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            b[i] = target + k * sd / Math.sqrt(counts[i]);
        }
        return b;
    }

    /** Synthetic 28x28 "garments": a filled shape whose form depends on the class, values in [0, 1]. */
    static List<float[]> images(int count, double dropRate, long seed) {
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            float[] im = new float[28 * 28];
            int kind = k % 5;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double dx = (x - 13.5) / 10;
                    double dy = (y - 13.5) / 12;
                    boolean inside = switch (kind) {
                        case 0 -> Math.abs(dx) < 0.5 + (y < 10 ? 0.4 : 0) && Math.abs(dy) < 0.9; // shirt
                        case 1 -> Math.abs(dx) < 0.35 + 0.3 * (y / 28.0) && Math.abs(dy) < 0.95; // dress
                        case 2 -> Math.abs(dx) < 0.9 && dy > 0.2 && dy < 0.7 && (dx > -0.2 || dy > 0.45); // shoe
                        case 3 -> dx * dx + dy * dy < 0.55; // bag
                        default -> Math.abs(dx) < 0.6 && Math.abs(dy) < 0.95 && !(Math.abs(dx) < 0.1 && dy > 0); // trouser
                    };
                    double v = inside ? 0.55 + 0.4 * Math.sin(0.5 * x + 0.3 * y + k) * 0.5 + 0.2 : 0;
                    if (dropRate > 0) {
                        v = r.nextDouble() < dropRate ? 0 : v;
                    }
                    im[y * 28 + x] = (float) Math.min(1, v);
                }
            }
            out.add(im);
        }
        return out;
    }

    static final List<String> KINDS = List.of("T-shirt/top", "Dress", "Sneaker", "Bag", "Trouser");

    static Map<String, Double> accuracies() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("no dropout", 0.861);
        m.put("dropout 0.2/0.5", 0.874);
        m.put("gaussian", 0.869);
        m.put("alpha (SELU)", 0.858);
        m.put("dropconnect", 0.866);
        return m;
    }

    static Map<String, Double> spreads() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("no dropout", 0.004);
        m.put("dropout 0.2/0.5", 0.003);
        m.put("gaussian", 0.005);
        m.put("alpha (SELU)", 0.007);
        m.put("dropconnect", 0.004);
        return m;
    }
}
