package dropout.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DropoutAnswersTest {

    @Test
    void backwardScaleSaysNotYetRightOrWrongWithoutTheAnswer() {
        assertTrue(DropoutAnswers.backwardScale(0.8, Double.NaN).startsWith("not yet: replace Double.NaN"));
        assertTrue(DropoutAnswers.backwardScale(0.8, 5).startsWith("right"), DropoutAnswers.backwardScale(0.8, 5));
        assertTrue(DropoutAnswers.backwardScale(0.5, 2).startsWith("right"));
        for (double wrong : new double[] {1, 0.2, 0.8, 4, -5}) {
            String s = DropoutAnswers.backwardScale(0.8, wrong);
            assertTrue(s.startsWith("not yet right"), wrong + ": " + s);
            assertFalse(s.contains("5.0") || s.contains("1/q") || s.contains("0.2"), "no answer given away: " + s);
        }
    }

    @Test
    void invertedVarianceAcceptsTheFormulaAndRejectsNeighbours() {
        double h = 3;
        double p = 0.25;
        double exact = h * h * p / (1 - p);
        assertTrue(DropoutAnswers.invertedVariance(h, p, Double.NaN).startsWith("not yet: replace"));
        assertTrue(DropoutAnswers.invertedVariance(h, p, exact).startsWith("right"),
                DropoutAnswers.invertedVariance(h, p, exact));
        for (double wrong : new double[] {h * h * p, h * p / (1 - p), exact * 1.1, h * h * p * (1 - p)}) {
            assertTrue(DropoutAnswers.invertedVariance(h, p, wrong).startsWith("not yet right"), "" + wrong);
        }
    }
}
