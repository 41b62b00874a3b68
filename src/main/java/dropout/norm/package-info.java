/**
 * Batch normalisation next to dropout: per-feature statistics ({@link dropout.norm.FeatureStats}) and the variance
 * shift that dropout before batch norm causes between training and prediction ({@link dropout.norm.VarianceShift}).
 * The batch-norm layer itself is {@link dropout.nn.BatchNorm}, usable from {@link dropout.nn.Mlp#batchNorm()}.
 */
package dropout.norm;
