/**
 * Check-your-answer cells: each check takes what the learner wrote (a value or a small function), tests it the way
 * the library's own tests would, and returns {@link dropout.exercises.Feedback} that says whether it is right and
 * why, without giving the answer away. A placeholder answer gets a helpful "Not yet" and never an exception.
 */
package dropout.exercises;
