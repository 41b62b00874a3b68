package dropout.early;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.data.Dataset;
import dropout.data.FashionMnist;
import dropout.measure.GradientProbes;
import dropout.measure.ProbeLog;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.train.DropoutSchedule;
import dropout.train.Evaluation;
import dropout.train.History;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quick measurements behind the early-dropout notebook's settings (not a test): epoch time of narrow MLPs on
 * Fashion-MNIST, what the probes cost, and a small trial of no / standard / early / late dropout.
 * <pre>
 * java -cp ... dropout.early.EarlyDropoutTrial timing
 * java -cp ... dropout.early.EarlyDropoutTrial trial sizes=784,32,10 epochs=5 p=0.1 cutoff=1 seeds=3 lr=0.5 batch=256 probes=8
 * </pre>
 */
public final class EarlyDropoutTrial {
    private EarlyDropoutTrial() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        FashionMnist data = FashionMnist.load();
        Dataset train = data.train();
        Dataset test = data.test();
        System.out.printf("load: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opt.put(kv[0], kv[1]);
        }
        if (args.length == 0 || args[0].equals("timing")) {
            timing(train, test);
        } else {
            trial(train, test, opt);
        }
    }

    static int[] sizes(String s) {
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static void timing(Dataset train, Dataset test) {
        for (int[] sizes : new int[][] {{784, 32, 10}, {784, 64, 64, 10}, {784, 16, 10}}) {
            Network net = Mlp.sizes(sizes).dropoutEverywhere(InvertedDropout.drop(0.1)).build(1);
            Trainer trainer = new Trainer(TrainConfig.d2l().epochs(1)).quiet();
            trainer.fit("warm", net, train, test);
            double[] epoch = new double[3];
            for (int r = 0; r < 3; r++) {
                long s = System.nanoTime();
                History h = trainer.fit("t", net, train, test);
                epoch[r] = h.seconds();
                double withEval = (System.nanoTime() - s) / 1e9;
                System.out.printf("%s: epoch %.3f s (train pass), %.3f s with test evaluation%n", Arrays.toString(sizes), epoch[r], withEval);
            }
            long s = System.nanoTime();
            Evaluation.of(net, train, 256);
            System.out.printf("%s: prediction-mode loss over the 60,000 training images: %.3f s%n", Arrays.toString(sizes),
                    (System.nanoTime() - s) / 1e9);
            for (String variant : new String[] {"full", "10k", "none"}) {
                GradientProbes p = GradientProbes.of(net, train, Rng.seeded(5)).batches(16, 256);
                if (variant.equals("10k")) {
                    p.reference(train.first(10_000));
                } else if (variant.equals("none")) {
                    p.withoutReference();
                }
                p.measure(0);
                double before = p.seconds();
                for (int i = 1; i <= 4; i++) {
                    p.measure(i);
                }
                System.out.printf("%s: one checkpoint, 16 × 256 mini-batch gradients + reference %s: %.3f s%n", Arrays.toString(sizes),
                        variant, (p.seconds() - before) / 4);
            }
        }
    }

    static void trial(Dataset train, Dataset test, Map<String, String> opt) {
        int[] sizes = sizes(opt.getOrDefault("sizes", "784,32,10"));
        int epochs = Integer.parseInt(opt.getOrDefault("epochs", "5"));
        double p = Double.parseDouble(opt.getOrDefault("p", "0.1"));
        int cutoff = Integer.parseInt(opt.getOrDefault("cutoff", "1"));
        int seeds = Integer.parseInt(opt.getOrDefault("seeds", "3"));
        double lr = Double.parseDouble(opt.getOrDefault("lr", "0.5"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "256"));
        int probes = Integer.parseInt(opt.getOrDefault("probes", "0"));
        int k = Integer.parseInt(opt.getOrDefault("k", "16"));
        int refSize = Integer.parseInt(opt.getOrDefault("ref", "60000"));
        int subset = Integer.parseInt(opt.getOrDefault("train", "60000"));
        String modes = opt.getOrDefault("modes", "none,standard,early,linear,late");
        Dataset tr = subset < train.size() ? train.first(subset) : train;
        TrainConfig config = TrainConfig.d2l().epochs(epochs).batchSize(batch).learningRate(lr);
        int perEpoch = config.iterationsPerEpoch(tr.size());
        long total = (long) epochs * perEpoch;
        DropoutRate rate = DropoutRate.drop(p);
        System.out.printf("trial: sizes %s, %d epochs × %d iterations, p = %.2f, cutoff %d epochs, lr %.2f, batch %d, %d seeds, train %d%n",
                Arrays.toString(sizes), epochs, perEpoch, p, cutoff, lr, batch, seeds, tr.size());
        long all = System.nanoTime();
        for (String mode : modes.split(",")) {
            DropoutSchedule schedule = switch (mode) {
                case "none" -> Schedules.none();
                case "standard" -> Schedules.standard(rate);
                case "early" -> Schedules.early(rate, cutoff, perEpoch);
                case "linear" -> Schedules.earlyLinear(rate, cutoff, perEpoch);
                case "late" -> Schedules.late(rate, cutoff, perEpoch);
                default -> throw new IllegalArgumentException(mode);
            };
            double[] lastTrainMode = new double[seeds];
            double[] trainLoss = new double[seeds];
            double[] testAcc = new double[seeds];
            double seconds = 0;
            List<ProbeLog> logs = new ArrayList<>();
            double probeSeconds = 0;
            for (int s = 0; s < seeds; s++) {
                long started = System.nanoTime();
                Rng root = Rng.seeded(1000 + s);
                Network net = Mlp.sizes(sizes).dropoutEverywhere(InvertedDropout.drop(p)).build(root.split());
                Trainer trainer = new Trainer(config.seed(2000 + s)).quiet().schedule(schedule);
                GradientProbes gp = null;
                if (probes > 0) {
                    long[] at = opt.getOrDefault("spacing", "even").equals("log")
                            ? GradientProbes.logSpaced(probes, Long.parseLong(opt.getOrDefault("first", "10")), total)
                            : GradientProbes.evenly(probes, total);
                    gp = GradientProbes.of(net, tr, root.split()).at(at).batches(k, batch);
                    if (refSize < tr.size()) {
                        gp.reference(tr.first(refSize));
                    }
                    trainer.listen(gp);
                }
                History h = trainer.fit(mode, net, tr, test);
                lastTrainMode[s] = h.last().trainLoss();
                trainLoss[s] = Evaluation.of(net, tr, 1000).loss();
                testAcc[s] = h.last().testAccuracy();
                seconds += (System.nanoTime() - started) / 1e9;
                if (gp != null) {
                    logs.add(gp.log());
                    probeSeconds += gp.seconds();
                }
            }
            System.out.printf("%-34s train loss (p=0, full set) %s  mean %.4f | last-epoch train-mode loss mean %.4f | test acc mean %.4f | %.1f s (probes %.1f s)%n",
                    schedule, fmt(trainLoss), mean(trainLoss), mean(lastTrainMode), mean(testAcc), seconds, probeSeconds);
            if (!logs.isEmpty()) {
                System.out.print(ProbeLog.mean(logs));
            }
        }
        System.out.printf("total %.1f s%n", (System.nanoTime() - all) / 1e9);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    static String fmt(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (double x : v) {
            s.append(String.format("%.4f ", x));
        }
        return s.toString().trim() + "]";
    }
}
