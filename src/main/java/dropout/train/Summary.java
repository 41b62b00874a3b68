package dropout.train;

import java.util.List;
import java.util.Locale;

/** Final numbers of several runs as an aligned text table (what a notebook prints under its charts); times in seconds, "12.8 s". */
public final class Summary {
    private Summary() {
    }

    public static String table(List<History> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to summarise: pass at least one History");
        }
        int width = Math.max(3, runs.stream().mapToInt(h -> h.label().length()).max().orElse(3));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %6s %11s %10s %10s %9s %10s%n",
                "run", "epochs", "train loss", "train acc", "test loss", "test acc", "time"));
        for (History h : runs) {
            EpochStats e = h.last();
            s.append(String.format(Locale.ROOT, "%-" + width + "s %6d %11.4f %10.4f %10.4f %9.4f %8.1f s%n",
                    h.label(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(), h.seconds()));
        }
        return s.toString();
    }

    public static String table(History... runs) {
        return table(List.of(runs));
    }
}
