package dropout.measure;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a batch of Standout keep probabilities q = sigmoid(α z + β) says, with α > 0 and β = 0 (so q > 0.5 exactly
 * where z > 0, the units whose ReLU output is not 0):
 *
 * @param activeShare    the fraction of all (example, unit) entries with q > 0.5
 * @param meanKeepActive the mean q over those active entries (NaN if there are none)
 * @param confidentShare the fraction of the active entries kept almost always, q > 0.9 (NaN if there are none)
 */
public record KeepSummary(double activeShare, double meanKeepActive, double confidentShare) {

    public static KeepSummary of(INDArray keepProbabilities) {
        Objects.requireNonNull(keepProbabilities, "keepProbabilities: Standout.lastKeepProbabilities()");
        float[] q = keepProbabilities.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int n = q.length;
        if (n == 0) {
            throw new IllegalArgumentException("no keep probabilities: run the Standout layer forward first");
        }
        long active = 0;
        long confident = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float v = q[i];
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("keep probability " + i + " is " + v + ": probabilities lie in [0, 1]");
            }
            if (v > 0.5f) {
                active++;
                sum += v;
                confident += v > 0.9f ? 1 : 0;
            }
        }
        return new KeepSummary((double) active / n, active > 0 ? sum / active : Double.NaN,
                active > 0 ? (double) confident / active : Double.NaN);
    }
}
