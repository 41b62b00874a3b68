/**
 * Dropout's neighbour in the regularisation story: batch normalisation (Ioffe &amp; Szegedy 2015) for
 * fully connected layers, {@link dropout.norm.BatchNorm}, usable from {@link dropout.nn.Mlp#batchNorm()}.
 */
package dropout.norm;
