package dropout.exercises;

/**
 * The answer to a check-your-answer cell: whether the learner's answer is right, and a sentence saying why (or
 * what to look at next), without giving the answer away. It prints as that sentence.
 */
public record Feedback(boolean correct, String message) {

    static Feedback right(String why) {
        return new Feedback(true, "Right: " + why);
    }

    static Feedback notYet(String hint) {
        return new Feedback(false, "Not yet: " + hint);
    }

    @Override
    public String toString() {
        return message;
    }
}
