/**
 * How to measure dropout: every tool here reads a network or a set of runs and leaves training as it was.
 * <ul>
 * <li>Expectation: {@link dropout.measure.RunningMoments} (one activation's mean and variance as samples grow),
 *     {@link dropout.measure.NetworkExpectation} (training-mode mean against prediction), {@link dropout.measure.ForgottenScaling}.</li>
 * <li>Moments through a network: {@link dropout.measure.UnitMoments}, {@link dropout.measure.DepthMoments}.</li>
 * <li>Monte-Carlo dropout and uncertainty: {@link dropout.measure.McDropout}, {@link dropout.measure.McPrediction},
 *     {@link dropout.measure.Uncertainty}.</li>
 * <li>Gradients during training (Liu et al. 2023): {@link dropout.measure.GradientProbes}, {@link dropout.measure.ProbeLog},
 *     the maths in {@link dropout.measure.GradientMath}.</li>
 * <li>Several seeds: {@link dropout.measure.SeedResults}, {@link dropout.measure.SeedSpread}.</li>
 * </ul>
 * Tools that sample do it inside a {@link dropout.nn.Sampling} scope, with streams of their own.
 */
package dropout.measure;
