package dropout.charts;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one PNG per chart so a person can look at them:
 * {@code java -Djava.awt.headless=true -cp ... dropout.charts.ChartsPreview [folder]}
 * (default folder /tmp/charts-preview).
 */
public final class ChartsPreview {
    private ChartsPreview() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/charts-preview");
        for (Map.Entry<String, BufferedImage> e : all().entrySet()) {
            Path p = Charts.save(e.getValue(), dir.resolve(e.getKey() + ".png"));
            System.out.println(p + "  " + e.getValue().getWidth() + "x" + e.getValue().getHeight());
        }
    }

    static Map<String, BufferedImage> all() {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        out.put("training-curves", Charts.trainingCurves("Fashion-MNIST MLP 784-256-256-10, 10 epochs",
                Samples.threeRuns()));
        List<dropout.train.History> withDiverged = new ArrayList<>(Samples.threeRuns());
        withDiverged.add(Samples.diverged());
        out.put("training-curves-diverged", Charts.trainingCurves("Four runs, one diverges (NaN loss after epoch 5)",
                withDiverged));
        out.put("curves", Charts.curves("Gradient norm per epoch", "‖g‖₂", Samples.gradientNorms()));
        Map<String, double[]> ys = new LinkedHashMap<>();
        double[] p = new double[21];
        double[] v = new double[21];
        double[] lr = new double[21];
        for (int i = 0; i < 21; i++) {
            p[i] = i / 20.0;
            v[i] = p[i] < 1 ? p[i] / (1 - p[i]) : Double.NaN;
            lr[i] = Math.sqrt(p[i] * (1 - p[i]));
        }
        ys.put("inverted Var[h·m/q] (h = 1)", v);
        ys.put("vanilla sd of h·m", lr);
        out.put("lines", Charts.lines("Variance of a dropped-out unit", "drop probability p", "value", p, ys, false));
        double[] lrs = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1};
        Map<String, double[]> acc = new LinkedHashMap<>();
        acc.put("no dropout", new double[] {0.62, 0.74, 0.81, 0.85, 0.86, 0.86, 0.84, 0.70, Double.NaN});
        acc.put("dropout 0.5", new double[] {0.55, 0.69, 0.78, 0.84, 0.87, 0.87, 0.86, 0.79, 0.10});
        out.put("lines-logx", Charts.lines("Test accuracy against learning rate", "learning rate", "test accuracy",
                lrs, acc, true));
        out.put("histogram", Charts.histogram("Unit output h·m/q over 20,000 draws", "output value",
                Samples.dropoutOutputs(20_000), 40));
        out.put("mask-6x8", Charts.maskImage("Dropout mask, p = 0.5 (6 examples × 8 units)",
                Samples.mask(6, 8, 0.5, 3)));
        out.put("mask-16x16", Charts.maskImage("Hidden layer mask, p = 0.2", Samples.mask(16, 16, 0.8, 4)));
        out.put("mask-16x256", Charts.maskImage("16 images, first hidden layer (p = 0.2)", Samples.mask(16, 256, 0.8, 7)));
        out.put("network-thinned", NetworkDiagram.sizes(4, 5, 3).drop("h2", "h5").fullVsThinned("A thinned network"));
        out.put("network-all-thinned", NetworkDiagram.sizes(4, 5, 3).allThinned("All thinned networks", 8));
        java.util.Map<String, float[][]> panels = new java.util.LinkedHashMap<>();
        panels.put("h", Samples.activations(4, 6, 8));
        panels.put("h · m", Samples.activations(4, 6, 9));
        out.put("matrix-panels", MatrixPanels.sideBySide("Two matrices, one scale", panels, 0, 1));
        out.put("mask-256x784", Charts.maskImage("DropConnect mask on W (256 × 784), p = 0.5",
                Samples.mask(256, 784, 0.5, 5)));
        out.put("matrix-6x8", Charts.matrixImage("Activations h (6 × 8)", Samples.activations(6, 8, 6)));
        float[][] a = Samples.activations(16, 16, 7);
        float[][] m = Samples.mask(16, 16, 0.5, 8);
        float[][] am = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                am[i][j] = a[i][j] * m[i][j] / 0.5f;
            }
        }
        out.put("matrix-16x16-fixed", Charts.matrixImage("h·m/q, p = 0.5, same scale as h", am, 0, 4));
        long[] counts = Samples.counts();
        double sd = Math.sqrt(0.5 / 0.5);
        out.put("convergence", Charts.convergence("Monte-Carlo mean of m/q converges to 1 (p = 0.5)", counts,
                Samples.runningMeans(counts, 0.5), 1.0, Samples.band(counts, 1, sd, -3),
                Samples.band(counts, 1, sd, 3), "1 ± 3σ/√n"));
        List<float[]> imgs = new ArrayList<>(Samples.images(5, 0, 1));
        imgs.addAll(Samples.images(5, 0.5, 2));
        List<String> caps = new ArrayList<>(Samples.KINDS);
        for (String k : Samples.KINDS) {
            caps.add(k + ", p = 0.5");
        }
        out.put("image-grid", Charts.imageGrid("Inputs before (top) and after dropout p = 0.5 (bottom)", imgs, 28, 28,
                caps, 5));
        out.put("bars", Charts.bars("Final test accuracy", "test accuracy", Samples.accuracies()));
        out.put("bars-error", Charts.bars("Final test accuracy, mean ± sd over 5 seeds", "test accuracy",
                Samples.accuracies(), Samples.spreads()));
        return out;
    }
}
