package dropout.train;

import java.util.Locale;

/** Where the trainer reports each finished epoch while it runs. */
@FunctionalInterface
public interface Progress {

    void epochDone(String label, int epochs, EpochStats stats);

    /** One line per epoch on standard output (what notebooks show live). */
    // One write per line: notebook kernels forward each write as its own output fragment.
    Progress PRINT = (label, epochs, s) -> System.out.print(line(label, epochs, s) + System.lineSeparator());

    /** The line {@link #PRINT} writes, without its line break. */
    static String line(String label, int epochs, EpochStats s) {
        return String.format(Locale.ROOT, "%s  epoch %2d/%d  train loss %.4f  train acc %.4f  test loss %.4f  test acc %.4f  (%s)",
                label, s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.testLoss(), s.testAccuracy(),
                seconds(s.seconds()));
    }

    /** Epoch time for a progress line: two decimals below one second (small-subset epochs take hundredths), else one. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 1 ? "%.2f s" : "%.1f s", seconds);
    }

    Progress QUIET = (label, epochs, s) -> { };

    /** Like {@link #PRINT}, but only the first epoch, every n-th and the last (for long runs). */
    static Progress everyNth(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("everyNth(" + n + "): n must be ≥ 1");
        }
        return (label, epochs, s) -> {
            if (s.epoch() == 1 || s.epoch() % n == 0 || s.epoch() == epochs) {
                PRINT.epochDone(label, epochs, s);
            }
        };
    }
}
