package dropout.exercises;

import java.util.Locale;

/** The loss a classifier settles at when its output cannot depend on its input (dropout 1, say). */
public final class ChanceLevel {
    private ChanceLevel() {
    }

    /**
     * Checks a guess of the mean cross-entropy loss such a network reaches on {@code classes} equally frequent
     * classes. Right within 0.005.
     */
    public static Feedback checkLoss(int classes, double answer) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes = " + classes + ": a classifier needs at least 2 classes");
        }
        if (Double.isNaN(answer)) {
            return Feedback.notYet("replace NaN with your answer (a number)");
        }
        double right = StrictMath.log(classes);
        if (Math.abs(answer - right) <= 0.005) {
            return Feedback.right(String.format(Locale.ROOT, "%.4f. With its input ignored, the best the output bias can do is"
                    + " give every class probability 1/%d, and the cross-entropy of that is ln %d.", right, classes, classes));
        }
        String hint = answer < right
                ? "too low: a loss that small needs the network to favour the right class, which it cannot see"
                : "too high: the output bias alone can do better than that";
        return Feedback.notYet(hint + ". Which probabilities minimise the average of -ln p(class) when every class"
                + " is equally frequent, and what is -ln of that probability?");
    }
}
