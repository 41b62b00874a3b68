package dropout.measure;

import dropout.data.Dataset;
import dropout.nn.Network;
import dropout.report.Named;
import dropout.report.Table;
import dropout.train.EpochStats;
import dropout.train.Evaluation;
import dropout.train.TrainConfig;
import dropout.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several networks trained on one budget, each then measured on the training set in prediction mode (dropout off),
 * the way the test set is measured: the training loop's own figure is an epoch average with dropout on.
 *
 * @param names       the networks, in the order given
 * @param last        each network's last epoch as the training loop reported it
 * @param clean       each network's training-set loss and accuracy, dropout off
 */
public record CleanComparison(List<String> names, List<EpochStats> last, List<Evaluation> clean) {

    /** Trains every network (quietly, in order) with {@code config}, then evaluates it on {@code train} in batches of 1000. */
    public static CleanComparison train(TrainConfig config, Map<String, ? extends Network> nets, Dataset train,
                                        Dataset test) {
        Objects.requireNonNull(config, "config: e.g. TrainConfig.d2l().epochs(2)");
        Objects.requireNonNull(nets, "nets: Named.of(\"no dropout\", net)...");
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("no networks to compare: pass at least one, e.g. Named.of(\"no dropout\", net)");
        }
        List<String> names = new ArrayList<>();
        List<EpochStats> last = new ArrayList<>();
        List<Evaluation> clean = new ArrayList<>();
        for (var e : nets.entrySet()) {
            names.add(e.getKey());
            last.add(new Trainer(config).quiet().fit(e.getKey(), e.getValue(), train, test).last());
            clean.add(Evaluation.of(e.getValue(), train, 1000));
        }
        return new CleanComparison(List.copyOf(names), List.copyOf(last), List.copyOf(clean));
    }

    /** One row per network: training loss with dropout on (the loop's), and off; training and test accuracy; the gap. */
    public Table table() {
        Table t = Table.of("variant", "train loss, dropout on", "train loss", "train acc", "test loss", "test acc", "gap");
        for (int i = 0; i < names.size(); i++) {
            EpochStats s = last.get(i);
            Evaluation c = clean.get(i);
            t.row(names.get(i), s.trainLoss(), c.loss(), c.accuracy(), s.testLoss(), s.testAccuracy(),
                    s.testLoss() - c.loss());
        }
        return t;
    }

    /** Training-set loss (dropout off) and test loss per network, for a grouped bar chart. */
    public Named<double[]> losses() {
        double[] train = new double[names.size()];
        double[] test = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            train[i] = clean.get(i).loss();
            test[i] = last.get(i).testLoss();
        }
        return Named.of("training set, prediction mode", train).and("test set", test);
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
