/**
 * Dropout's variants, one small class per idea, its formula in the doc comment.
 * <ul>
 * <li>{@link dropout.variants.GaussianDropout}: multiplicative noise h·ε, ε ~ N(1, p/(1−p)) (Srivastava et al. 2014, §10).</li>
 * <li>{@link dropout.variants.DropConnectDense}: a dense layer whose weights and bias are masked (Wan et al. 2013).</li>
 * <li>{@link dropout.variants.Standout}: per-unit keep probabilities sigmoid(α·z + β) (Ba &amp; Frey 2013).</li>
 * <li>{@link dropout.variants.Selu} and {@link dropout.variants.AlphaDropout}: self-normalising nets (Klambauer et al. 2017).</li>
 * </ul>
 * Each is a {@link dropout.nn.StochasticLayer}; Gaussian and alpha dropout reuse {@link dropout.nn.NoiseLayer}'s
 * machinery and DropConnect {@link dropout.nn.FullyConnected}'s, so each file holds only what differs. Each plugs
 * into {@link dropout.nn.Mlp} through a {@code factory} method. Monte-Carlo dropout, which samples any of them at
 * prediction, is a measurement: {@link dropout.measure.McDropout}.
 */
package dropout.variants;
