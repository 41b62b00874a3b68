package dropout.train;

import dropout.data.Dataset;
import dropout.nn.LabelScratch;
import dropout.nn.Mode;
import dropout.nn.Network;
import dropout.nn.NonFiniteOutputException;
import dropout.arrays.Scratch;
import dropout.arrays.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean loss and accuracy of a network on a dataset, in prediction mode. A NaN or infinite output is never
 * counted as a prediction: evaluation stops with a {@link NonFiniteOutputException} naming the batch and row.
 */
public record Evaluation(double loss, double accuracy) {

    public static Evaluation of(Network net, Dataset data, int batchSize) {
        return of(net, data, batchSize, Mode.PREDICT);
    }

    /** The same in a given mode (training mode samples fresh masks: a noisy figure, used in the articles' checks). */
    public static Evaluation of(Network net, Dataset data, int batchSize, Mode mode) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has no examples: a loss or accuracy"
                    + " needs at least one; evaluate on a non-empty set");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + ": a batch needs at least 1 example");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Scratch inputs = new Scratch(data.dim());
        LabelScratch labels = new LabelScratch();
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            INDArray x = inputs.get(rows);
            int[] y = labels.get(rows);
            data.gather(order, start, rows, Buffers.of(x), y);
            INDArray logits = net.forward(x, mode);
            lossSum += net.loss().forward(logits, y) * rows;
            int bad = net.loss().nonFiniteRow();
            if (bad >= 0) {
                throw NonFiniteOutputException.of("Evaluation", logits, bad, start / batchSize + 1, start, data.name());
            }
            correct += net.loss().correct();
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }
}
