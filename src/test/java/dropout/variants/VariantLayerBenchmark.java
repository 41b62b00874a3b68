package dropout.variants;

import dropout.core.DropoutRate;
import dropout.core.InvertedDropout;
import dropout.core.Rng;
import dropout.nn.Dense;
import dropout.nn.DropoutLayer;
import dropout.nn.Init;
import dropout.nn.Layer;
import dropout.nn.Mode;
import dropout.nn.Relu;
import dropout.nn.BatchNorm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Microseconds per training step (forward + backward) of each element-wise layer on one [256, 256] batch,
 * the size of a hidden layer of the benchmark MLP, against plain ReLU + inverted dropout; plus the dense layers
 * (256 → 256, and 784 → 256) with and without DropConnect. Median of 15 blocks of 200 steps after a warm-up.
 * Run like {@link VariantEpochBenchmark}.
 */
public final class VariantLayerBenchmark {
    private VariantLayerBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, List<Layer>> cases = new LinkedHashMap<>();
        cases.put("ReLU", List.of(new Relu(256)));
        cases.put("inverted dropout 0.5", List.of(new DropoutLayer(256, InvertedDropout.drop(0.5), Rng.seeded(1))));
        cases.put("ReLU + inverted dropout 0.5", List.of(new Relu(256), new DropoutLayer(256, InvertedDropout.drop(0.5), Rng.seeded(1))));
        cases.put("gaussian dropout 0.5", List.of(new GaussianDropout(256, DropoutRate.drop(0.5), Rng.seeded(1))));
        cases.put("standout (replaces ReLU + dropout)", List.of(new Standout(256, 1, 0, Rng.seeded(1))));
        cases.put("SELU", List.of(new Selu(256)));
        cases.put("alpha dropout 0.05", List.of(new AlphaDropout(256, DropoutRate.drop(0.05), Rng.seeded(1))));
        cases.put("batch norm", List.of(new BatchNorm(256)));
        cases.put("dense 256→256", List.of(new Dense(256, 256, Init.d2l(), Rng.seeded(1))));
        cases.put("dropconnect 256→256, 0.5", List.of(new DropConnectDense(256, 256, InvertedDropout.drop(0.5), Init.d2l(), Rng.seeded(1))));
        INDArray x256 = Checks.random(256, 256, 1, 0);
        INDArray x784 = Checks.random(256, 784, 1, 0);
        INDArray dy = Checks.random(256, 256, 2, 0);
        cases.put("dense 784→256", List.of(new Dense(784, 256, Init.d2l(), Rng.seeded(1))));
        cases.put("dropconnect 784→256, 0.5", List.of(new DropConnectDense(784, 256, InvertedDropout.drop(0.5), Init.d2l(), Rng.seeded(1))));
        for (Map.Entry<String, List<Layer>> c : cases.entrySet()) {
            INDArray x = c.getKey().contains("784") ? x784 : x256;
            double[] blocks = new double[15];
            for (int w = 0; w < 3; w++) {
                time(c.getValue(), x, dy, 200);
            }
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = time(c.getValue(), x, dy, 200);
            }
            Arrays.sort(blocks);
            System.out.printf("%-36s %7.1f µs/step (min %.1f)%n", c.getKey(), blocks[blocks.length / 2], blocks[0]);
        }
    }

    private static double time(List<Layer> layers, INDArray x, INDArray dy, int steps) {
        long t = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            INDArray a = x;
            for (Layer l : layers) {
                a = l.forward(a, Mode.TRAIN);
            }
            INDArray g = dy;
            for (int i = layers.size() - 1; i >= 0; i--) {
                g = layers.get(i).backward(g, true);
            }
        }
        return (System.nanoTime() - t) / 1e3 / steps;
    }
}
