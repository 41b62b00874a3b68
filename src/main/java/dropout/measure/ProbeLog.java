package dropout.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The {@link ProbeRecord}s of one run, in checkpoint order, with each quantity as a {@code double[]} ready for a
 * chart, e.g. {@code Charts.lines("GDV", "iteration", "GDV", log.iterations(), Map.of("early", log.gdv()), false)}.
 * {@link #mean(List)} averages the logs of several seeds checkpoint by checkpoint.
 */
public final class ProbeLog {
    private final List<ProbeRecord> records;

    public ProbeLog(List<ProbeRecord> records) {
        this.records = List.copyOf(records);
    }

    public List<ProbeRecord> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    /** Any quantity as an array, e.g. {@code log.column(ProbeRecord::gde)}. */
    public double[] column(ToDoubleFunction<ProbeRecord> quantity) {
        return records.stream().mapToDouble(quantity).toArray();
    }

    /** The checkpoints (updates done), as x values. */
    public double[] iterations() {
        return column(r -> r.iteration());
    }

    /** The checkpoints in epochs (updates done / iterations per epoch), as x values. */
    public double[] epochs(int iterationsPerEpoch) {
        if (iterationsPerEpoch < 1) {
            throw new IllegalArgumentException("iterationsPerEpoch = " + iterationsPerEpoch
                    + ": use config.iterationsPerEpoch(train.size()), at least 1");
        }
        return column(r -> (double) r.iteration() / iterationsPerEpoch);
    }

    public double[] dropRate() {
        return column(ProbeRecord::dropRate);
    }

    public double[] gradNorm() {
        return column(ProbeRecord::gradNorm);
    }

    public double[] distance() {
        return column(ProbeRecord::distance);
    }

    public double[] gdv() {
        return column(ProbeRecord::gdv);
    }

    public double[] gde() {
        return column(ProbeRecord::gde);
    }

    public double[] fullLoss() {
        return column(ProbeRecord::fullLoss);
    }

    /**
     * Checkpoint-by-checkpoint means of several runs' logs (e.g. seeds), which must share their checkpoints.
     * Every field is averaged, the drop rate included.
     */
    public static ProbeLog mean(List<ProbeLog> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to average: pass at least one ProbeLog");
        }
        ProbeLog first = runs.get(0);
        for (int r = 1; r < runs.size(); r++) {
            ProbeLog other = runs.get(r);
            boolean same = other.size() == first.size();
            for (int i = 0; same && i < first.size(); i++) {
                same = other.records.get(i).iteration() == first.records.get(i).iteration();
            }
            if (!same) {
                throw new IllegalArgumentException("run " + r + " was probed at iterations " + java.util.Arrays.toString(other.iterations())
                        + " but run 0 at " + java.util.Arrays.toString(first.iterations())
                        + ": averaging needs the same checkpoints in every run (give every run's probes the same at(...))");
            }
        }
        List<ProbeRecord> means = new ArrayList<>();
        int n = runs.size();
        for (int i = 0; i < first.size(); i++) {
            double p = 0, norm = 0, dist = 0, gdv = 0, gde = 0, loss = 0;
            for (ProbeLog run : runs) {
                ProbeRecord x = run.records.get(i);
                p += x.dropRate();
                norm += x.gradNorm();
                dist += x.distance();
                gdv += x.gdv();
                gde += x.gde();
                loss += x.fullLoss();
            }
            means.add(new ProbeRecord(first.records.get(i).iteration(), p / n, norm / n, dist / n, gdv / n, gde / n, loss / n));
        }
        return new ProbeLog(Collections.unmodifiableList(means));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%9s %6s %10s %10s %8s %8s %9s%n",
                "iteration", "p", "‖g‖", "‖W−W₀‖", "GDV", "GDE", "loss(p=0)"));
        for (ProbeRecord r : records) {
            s.append(String.format(Locale.ROOT, "%9d %6.3f %10.4f %10.4f %8.4f %8.4f %9.4f%n",
                    r.iteration(), r.dropRate(), r.gradNorm(), r.distance(), r.gdv(), r.gde(), r.fullLoss()));
        }
        return s.toString();
    }
}
