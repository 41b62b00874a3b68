package dropout.train;

import dropout.data.Dataset;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.arrays.Scratch;
import dropout.arrays.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Mean loss and accuracy of a network on a dataset, in prediction mode. */
public record Evaluation(double loss, double accuracy) {

    public static Evaluation of(Network net, Dataset data, int batchSize) {
        return of(net, data, batchSize, Mode.PREDICT);
    }

    /** The same in a given mode (training mode samples fresh masks: a noisy figure, used in the articles' checks). */
    public static Evaluation of(Network net, Dataset data, int batchSize, Mode mode) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Scratch inputs = new Scratch(data.dim());
        int[] labels = new int[batchSize];
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            INDArray x = inputs.get(rows);
            data.gather(order, start, rows, Buffers.of(x), labels);
            lossSum += net.loss().forward(net.forward(x, mode), labels) * rows;
            correct += net.loss().correct();
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }
}
