package dropout.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The check-your-answer cells of notebooks 5 and 6: right answers pass, typical wrong ones get a pointed hint. */
class ExerciseChecksTest {

    @Test
    void gaussianMultiplierAcceptsTheRightNoiseAtSeveralRates() {
        for (double p : new double[] {0.1, 0.5, 0.8}) {
            double sigma = Math.sqrt(p / (1 - p));
            Feedback f = GaussianMultiplierCheck.check(g -> 1 + sigma * g, p);
            assertTrue(f.correct(), p + ": " + f);
            assertTrue(f.message().startsWith("Right: "), f.message());
        }
    }

    @Test
    void gaussianMultiplierRejectsTheArticlesMeanZeroNoiseAndWrongScales() {
        double p = 0.5;
        Feedback article = GaussianMultiplierCheck.check(g -> g * Math.sqrt(p / (1 - p)), p);
        assertFalse(article.correct());
        assertTrue(article.message().contains("what must E[ε] be?"), article.message());
        Feedback textsScale = GaussianMultiplierCheck.check(g -> 1 + g * Math.sqrt(p * (1 - p)), p);
        assertFalse(textsScale.correct(), textsScale.message());
        assertTrue(textsScale.message().contains("now match the variance"), textsScale.message());
        Feedback placeholder = GaussianMultiplierCheck.check(g -> Double.NaN, p);
        assertFalse(placeholder.correct());
        assertTrue(placeholder.message().startsWith("Not yet: "), placeholder.message());
        // A small bias in the mean (0.05, about 18 standard errors at 200,000 draws) is caught.
        assertFalse(GaussianMultiplierCheck.check(g -> 1.05 + g, p).correct());
        assertThrows(IllegalArgumentException.class, () -> GaussianMultiplierCheck.check(g -> g, 1.0));
    }

    private static double mean(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s / p.length;
    }

    @Test
    void spreadAcceptsThePopulationStandardDeviation() {
        Feedback f = SpreadCheck.check(p -> {
            double m = mean(p);
            double ss = 0;
            for (double v : p) {
                ss += (v - m) * (v - m);
            }
            return Math.sqrt(ss / p.length);
        });
        assertTrue(f.correct(), f.message());
    }

    @Test
    void spreadPointsAtTheDivisorTheSquareAndThePlaceholder() {
        Feedback sample = SpreadCheck.check(p -> {
            double m = mean(p);
            double ss = 0;
            for (double v : p) {
                ss += (v - m) * (v - m);
            }
            return Math.sqrt(ss / (p.length - 1));
        });
        assertFalse(sample.correct());
        assertTrue(sample.message().contains("divisor"), sample.message());
        Feedback variance = SpreadCheck.check(p -> {
            double m = mean(p);
            double ss = 0;
            for (double v : p) {
                ss += (v - m) * (v - m);
            }
            return ss / p.length;
        });
        assertFalse(variance.correct());
        assertTrue(variance.message().contains("variance"), variance.message());
        Feedback placeholder = SpreadCheck.check(p -> Double.NaN);
        assertFalse(placeholder.correct());
        assertTrue(placeholder.message().startsWith("Not yet: "), placeholder.message());
        assertFalse(SpreadCheck.check(p -> 0.0).correct());
    }
}
