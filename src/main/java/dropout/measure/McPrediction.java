package dropout.measure;

import dropout.data.Dataset;

/**
 * What {@link McDropout} returns for n examples and C classes, from T stochastic passes with softmax outputs
 * p_t (t = 1..T) per example:
 * <ul>
 * <li>{@code meanProbabilities[i][c]} = p̄_c = (1/T)·Σ_t p_t,c, the predictive distribution;</li>
 * <li>{@code predicted[i]} = argmax_c p̄_c;</li>
 * <li>{@code predictedStd[i]} = √((1/T)·Σ_t (p_t,k − p̄_k)²) for k = predicted[i]: how much the passes disagree
 *     about the chosen class (population form over the T passes, so T = 1 gives 0);</li>
 * <li>{@code entropy[i]} = H[p̄] = −Σ_c p̄_c·ln p̄_c, the predictive entropy in nats (0 = certain, ln C = uniform);</li>
 * <li>{@code mutualInformation[i]} = H[p̄] − (1/T)·Σ_t H[p_t], the part of the entropy that comes from the
 *     passes disagreeing (Gal's "BALD" score): 0 when dropout changes nothing, large where the model is unsure
 *     because of its weights rather than because the example is ambiguous.</li>
 * </ul>
 */
public record McPrediction(int passes, double[][] meanProbabilities, int[] predicted, double[] predictedStd,
                           double[] entropy, double[] mutualInformation) {

    public int size() {
        return predicted.length;
    }

    /** Fraction of examples whose predicted class is the dataset's label (the data these predictions were made on). */
    public double accuracy(Dataset data) {
        if (data.size() != predicted.length) {
            throw new IllegalArgumentException(data.size() + " examples in " + data.name() + " but " + predicted.length
                    + " predictions: pass the dataset the predictions were made on");
        }
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }
}
