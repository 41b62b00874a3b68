/**
 * Early and late dropout (Liu et al., "Dropout Reduces Underfitting", ICML 2023): the drop-rate
 * {@link dropout.early.Schedules schedules} as pure functions of the iteration, and a {@link dropout.early.RateLog}
 * of the rate each update used. What the paper measures along the way (gradient norm, GDV, GDE) lives with the
 * other measurement tools, in {@link dropout.measure.GradientProbes}.
 */
package dropout.early;
