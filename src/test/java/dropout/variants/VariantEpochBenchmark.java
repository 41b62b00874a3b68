package dropout.variants;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.measure.McDropout;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.nn.Network;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Seconds per training epoch of the 784-256-256-10 MLP (batch 256, SGD lr 0.1) for each variant, on 60,000
 * synthetic examples (Gaussian blobs, 10 classes, 784 features): the median (and minimum) of {@code runs} timed epochs
 * after one warm-up epoch, variants interleaved round-robin, evaluation excluded (the trainer's own epoch timing). Single thread: the library pins
 * ND4J to one; run with {@code OMP_NUM_THREADS=1} as the tests do. Not a test (no "Test" suffix): run
 * {@code java -cp <test-classes>:<classes>:<deps> dropout.variants.VariantEpochBenchmark [runs]}. Also times
 * one MC-dropout prediction (T = 20) of 10,000 examples.
 */
public final class VariantEpochBenchmark {
    private VariantEpochBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Dataset train = Checks.blobs(60_000, 784, 10, 3.0, 1);
        Dataset probe = train.first(256);
        Map<String, Supplier<Network>> variants = new LinkedHashMap<>();
        variants.put("no dropout", () -> Mlp.sizes(784, 256, 256, 10).build(1));
        variants.put("inverted dropout 0.2/0.5", () -> Mlp.sizes(784, 256, 256, 10)
                .dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(1));
        variants.put("gaussian dropout 0.2/0.5", () -> Mlp.sizes(784, 256, 256, 10)
                .layerAfterActivation(GaussianDropout.factory(DropoutRate.drop(0.2)), GaussianDropout.factory(DropoutRate.drop(0.5))).build(1));
        variants.put("dropconnect 0.5 (hidden denses)", () -> Mlp.sizes(784, 256, 256, 10)
                .dense(DropConnectDense.factory(InvertedDropout.drop(0.5))).build(1));
        variants.put("standout α=1 β=0", () -> Mlp.sizes(784, 256, 256, 10).activation(Standout.factory(1, 0)).build(1));
        variants.put("selu + alpha dropout 0.05", () -> Mlp.sizes(784, 256, 256, 10).init(Init.lecun())
                .activation(Selu::new).layerAfterActivation(AlphaDropout.factory(DropoutRate.drop(0.05))).build(1));
        variants.put("batch norm (no dropout)", () -> Mlp.sizes(784, 256, 256, 10).batchNorm().build(1));
        variants.put("batch norm + dropout 0.2/0.5", () -> Mlp.sizes(784, 256, 256, 10).batchNorm()
                .dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(1));
        Trainer trainer = new Trainer(TrainConfig.d2l().epochs(1).learningRate(0.1)).quiet();
        Map<String, Network> nets = new LinkedHashMap<>();
        Map<String, double[]> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Network>> v : variants.entrySet()) {
            nets.put(v.getKey(), v.getValue().get());
            trainer.fit("warm-up", nets.get(v.getKey()), train, probe);
            seconds.put(v.getKey(), new double[runs]);
        }
        // round-robin, so that a burst of load from elsewhere hits every variant alike
        for (int r = 0; r < runs; r++) {
            for (String name : nets.keySet()) {
                seconds.get(name)[r] = trainer.fit(name, nets.get(name), train, probe).last().seconds();
            }
        }
        for (Map.Entry<String, double[]> e : seconds.entrySet()) {
            double[] s = e.getValue().clone();
            Arrays.sort(s);
            System.out.printf("%-34s median %.3f s  min %.3f s  (runs %s)%n", e.getKey(), s[runs / 2], s[0],
                    Arrays.toString(round(e.getValue())));
        }
        Network net = variants.get("inverted dropout 0.2/0.5").get();
        Dataset test = train.first(10_000);
        new McDropout(net, 20, 1).predict(test, 256);
        long t = System.nanoTime();
        new McDropout(net, 20, 1).predict(test, 256);
        System.out.printf("%-34s %.3f s%n", "MC dropout T=20, 10,000 examples", (System.nanoTime() - t) / 1e9);
    }

    private static double[] round(double[] s) {
        return Arrays.stream(s).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }
}
