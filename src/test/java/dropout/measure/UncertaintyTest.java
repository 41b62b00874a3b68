package dropout.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dropout.core.Rng;
import dropout.data.Dataset;
import org.junit.jupiter.api.Test;

class UncertaintyTest {

    private static Dataset labelled(int... labels) {
        return new Dataset("hand", new float[labels.length], labels, 1, 3);
    }

    //                                          correct: yes  yes  no   yes  yes
    private final Dataset five = labelled(0, 1, 0, 1, 0);
    private final int[] predicted = {0, 1, 1, 1, 0};
    private final double[] score = {0.1, 0.2, 0.9, 0.3, 0.1};

    @Test
    void meansOfCorrectAndIncorrect() {
        Uncertainty.Split s = Uncertainty.byCorrectness(score, predicted, five);
        assertEquals(4, s.correct());
        assertEquals(1, s.incorrect());
        assertEquals(0.175, s.meanCorrect(), 1e-12);
        assertEquals(0.9, s.meanIncorrect(), 1e-12);
        assertEquals(0.9 / 0.175, s.ratio(), 1e-12);
        assertArrayEquals(new double[] {0.9}, Uncertainty.scores(score, predicted, five, false));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.1}, Uncertainty.scores(score, predicted, five, true));
        Uncertainty.Split none = Uncertainty.byCorrectness(score, new int[] {0, 1, 0, 1, 0}, five);
        assertEquals(0, none.incorrect());
        assertTrue(Double.isNaN(none.meanIncorrect()));
    }

    @Test
    void orderIsAscendingAndStableOnTies() {
        assertArrayEquals(new int[] {0, 4, 1, 3, 2}, Uncertainty.ascending(score));
        assertArrayEquals(new int[] {1, 0, 2}, Uncertainty.ascending(new double[] {2, 1, 2}));
    }

    @Test
    void accuracyInGroupsFromMostToLeastCertain() {
        // order 0, 4, 1, 3, 2: correct, correct, correct, correct, wrong
        assertArrayEquals(new double[] {1, 1, 1, 1, 0}, Uncertainty.accuracyByGroup(score, predicted, five, 5), 0);
        // groups [0, 2) and [2, 5): 2 of 2, then 2 of 3
        assertArrayEquals(new double[] {1, 2.0 / 3}, Uncertainty.accuracyByGroup(score, predicted, five, 2), 1e-12);
        assertArrayEquals(new double[] {0.8}, Uncertainty.accuracyByGroup(score, predicted, five, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.accuracyByGroup(score, predicted, five, 6));
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.accuracyByGroup(score, predicted, five, 0));
    }

    @Test
    void aucAgainstCountingEveryPair() {
        assertEquals(1.0, Uncertainty.errorDetectionAuc(score, predicted, five), 0);
        assertEquals(0.0, Uncertainty.errorDetectionAuc(new double[] {1, 1, 0, 1, 1}, predicted, five), 0);
        assertEquals(0.5, Uncertainty.errorDetectionAuc(new double[] {3, 3, 3, 3, 3}, predicted, five), 0);
        assertTrue(Double.isNaN(Uncertainty.errorDetectionAuc(score, new int[] {0, 1, 0, 1, 0}, five)));
        Rng rng = Rng.seeded(4);
        int n = 500;
        int[] labels = new int[n];
        int[] guess = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) (rng.uniform() * 3);
            guess[i] = rng.uniform() < 0.7 ? labels[i] : (labels[i] + 1) % 3;
            s[i] = Math.floor(rng.uniform() * 20) + (guess[i] == labels[i] ? 0 : 3); // many ties
        }
        Dataset d = labelled(labels);
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (guess[i] != labels[i] && guess[j] == labels[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Uncertainty.errorDetectionAuc(s, guess, d), 1e-12);
    }

    @Test
    void mismatchedInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Uncertainty.byCorrectness(new double[4], predicted, five));
        assertTrue(e.getMessage().contains("4 scores, 5 predictions and 5 examples"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Uncertainty.byCorrectness(new double[] {0, 0, Double.NaN, 0, 0}, predicted, five));
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.ascending(new double[] {Double.NaN}));
    }
}
