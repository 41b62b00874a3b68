/**
 * Dropout's variants and neighbours, one small class per idea, its formula in the doc comment.
 * <ul>
 * <li>{@link dropout.variants.GaussianDropout}: multiplicative noise h·ε, ε ~ N(1, p/(1−p)) (Srivastava et al. 2014, §10).</li>
 * <li>{@link dropout.variants.DropConnectDense}: a dense layer whose weights and bias are masked (Wan et al. 2013).</li>
 * <li>{@link dropout.variants.Standout}: per-unit keep probabilities sigmoid(α·z + β) (Ba &amp; Frey 2013).</li>
 * <li>{@link dropout.variants.Selu} and {@link dropout.variants.AlphaDropout}: self-normalising nets (Klambauer et al. 2017).</li>
 * <li>{@link dropout.variants.McDropout}: dropout kept on at prediction, T passes averaged (Gal &amp; Ghahramani 2016).</li>
 * </ul>
 * Every layer follows the rules of {@link dropout.nn}: preallocated per-batch-size buffers, plain Java loops over
 * {@link dropout.nn.Buffers#of} views, products by {@code Nd4j.gemm} into existing outputs, one random stream per
 * layer split from the network's seed. Each plugs into {@link dropout.nn.Mlp} through a {@code factory} method.
 */
package dropout.variants;
