package dropout.train;

import dropout.data.Dataset;
import dropout.nn.Network;
import dropout.report.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several named networks trained one after another with one configuration (the same seed, the same mini-batch
 * order), each with a {@link LossTrace} of every iteration's training loss.
 */
public final class Runs {
    private final Map<String, Network> nets;
    private final Map<String, History> histories = new LinkedHashMap<>();
    private final Map<String, LossTrace> traces = new LinkedHashMap<>();

    private Runs(Map<String, Network> nets) {
        this.nets = new LinkedHashMap<>(nets);
    }

    /** Trains every network in {@code nets}, in order, on {@code train}, testing on {@code test} after each epoch. */
    public static Runs fit(TrainConfig config, Map<String, Network> nets, Dataset train, Dataset test) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("no networks to train: pass Named.of(\"name\", net).and(...)");
        }
        Runs runs = new Runs(nets);
        for (Map.Entry<String, Network> e : nets.entrySet()) {
            LossTrace trace = new LossTrace();
            runs.traces.put(e.getKey(), trace);
            runs.histories.put(e.getKey(), new Trainer(config).listen(trace).fit(e.getKey(), e.getValue(), train, test));
        }
        return runs;
    }

    /** The names, in training order. */
    public List<String> names() {
        return new ArrayList<>(nets.keySet());
    }

    public Network net(String name) {
        return require(nets, name);
    }

    public History history(String name) {
        return require(histories, name);
    }

    public LossTrace trace(String name) {
        return require(traces, name);
    }

    /** Every run's history, in training order (for Charts.trainingCurves and Summary.table). */
    public List<History> histories() {
        return new ArrayList<>(histories.values());
    }

    /** Every run's training loss per iteration, smoothed by {@link LossTrace#smoothed(double)}. */
    public Named<double[]> smoothedLosses(double weight) {
        Named<double[]> out = null;
        for (String name : nets.keySet()) {
            double[] s = traces.get(name).smoothed(weight);
            out = out == null ? Named.of(name, s) : out.and(name, s);
        }
        return out;
    }

    /** Per run, the first iteration at which the smoothed loss is below {@code level} (−1 if never). */
    public Named<Integer> firstBelow(double level, double weight) {
        Named<Integer> out = null;
        for (String name : nets.keySet()) {
            int i = traces.get(name).firstBelow(level, weight);
            out = out == null ? Named.of(name, i) : out.and(name, i);
        }
        return out;
    }

    /** The largest epoch-to-epoch fall of test accuracy over all runs: the noise of a single epoch. */
    public double largestTestAccuracyDrop() {
        return histories.values().stream().mapToDouble(History::largestTestAccuracyDrop).max().orElse(0);
    }

    private static <V> V require(Map<String, V> map, String name) {
        V v = map.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no run named \"" + name + "\": the runs are " + map.keySet());
        }
        return v;
    }
}
