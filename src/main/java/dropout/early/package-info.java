/**
 * Early and late dropout (Liu et al., "Dropout Reduces Underfitting", ICML 2023): the drop-rate
 * {@link dropout.early.Schedules schedules} as pure functions of the iteration, a {@link dropout.early.RateLog}
 * of the rate each update used, and {@link dropout.early.GradientProbes probes} that measure gradient norm,
 * distance from initialisation, gradient direction variance (GDV) and error (GDE) at checkpoints without
 * disturbing training; the maths lives in {@link dropout.early.GradientMath} as pure functions.
 * {@link dropout.early.SeedResults} collects runs of several schedules over several seeds and reports each
 * configuration's mean, standard deviation and range ({@link dropout.early.SeedSpread}), seed-paired differences
 * against a baseline, mean curves and mean probe logs.
 */
package dropout.early;
