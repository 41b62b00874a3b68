package dropout.train;

import dropout.core.InvertedDropout;
import dropout.data.Dataset;
import dropout.nn.Mlp;
import dropout.testing.Blobs;

/** Trains a fixed small run and prints every recorded number's exact bits: run in a second JVM by a test. */
public final class HistoryFingerprint {
    private HistoryFingerprint() {
    }

    static History run() {
        Dataset train = Blobs.make(700, 12, 4, 1.5, 1);
        Dataset test = Blobs.make(200, 12, 4, 1.5, 2);
        return new Trainer(TrainConfig.d2l().epochs(3).batchSize(64).learningRate(0.3).seed(5)).quiet()
                .fit("fingerprint", Mlp.sizes(12, 32, 16, 4).dropout(InvertedDropout.drop(0.2), InvertedDropout.drop(0.5)).build(8),
                        train, test);
    }

    static String fingerprint(History h) {
        StringBuilder s = new StringBuilder();
        for (EpochStats e : h.epochs()) {
            for (double v : new double[] {e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy()}) {
                s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
            }
        }
        return s.toString().trim();
    }

    public static void main(String[] args) {
        System.out.println(fingerprint(run()));
    }
}
