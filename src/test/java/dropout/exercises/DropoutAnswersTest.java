package dropout.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DropoutAnswersTest {

    @Test
    void backwardScaleSaysNotYetRightOrWrongWithoutTheAnswer() {
        var placeholder = DropoutAnswers.backwardScale(0.3, Double.NaN);
        assertFalse(placeholder.correct());
        assertTrue(placeholder.toString().startsWith("Not yet: replace Double.NaN"), placeholder.toString());
        assertTrue(DropoutAnswers.backwardScale(0.8, 5).correct(), DropoutAnswers.backwardScale(0.8, 5).toString());
        assertTrue(DropoutAnswers.backwardScale(0.3, 1 / 0.7).toString().startsWith("Right: "));
        assertFalse(DropoutAnswers.backwardScale(0.3, 1 / 0.3).correct());
        assertTrue(DropoutAnswers.backwardScale(0.5, 2).correct());
        for (double wrong : new double[] {1, 0.2, 0.8, 4, -5}) {
            String s = DropoutAnswers.backwardScale(0.8, wrong).toString();
            assertTrue(s.startsWith("Not yet: the finite-difference check fails"), wrong + ": " + s);
            assertFalse(s.contains("5.0") || s.contains("1/q") || s.contains("0.2"), "no answer given away: " + s);
        }
    }

    @Test
    void invertedVarianceAcceptsTheFormulaAndRejectsNeighbours() {
        double h = 3;
        double p = 0.25;
        double exact = h * h * p / (1 - p);
        assertTrue(DropoutAnswers.invertedVariance(h, p, Double.NaN).toString().startsWith("Not yet: replace"));
        assertTrue(DropoutAnswers.invertedVariance(h, p, exact).toString().startsWith("Right: "),
                DropoutAnswers.invertedVariance(h, p, exact).toString());
        for (double wrong : new double[] {h * h * p, h * p / (1 - p), exact * 1.1, h * h * p * (1 - p)}) {
            assertFalse(DropoutAnswers.invertedVariance(h, p, wrong).correct(), "" + wrong);
        }
    }
}
