/**
 * Check-your-answer helpers for the notebooks' exercises: each takes the learner's answer and says whether it is
 * right and why, or gives a hint without the answer. A placeholder answer (NaN or a negative count) gets a
 * "not yet" message, never an exception.
 */
package dropout.exercises;
