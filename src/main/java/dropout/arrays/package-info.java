/**
 * The lowest layer: dense float buffers over ND4J arrays ({@link dropout.arrays.Buffers}), per-batch-size scratch
 * arrays, shape checks, and ND4J's single-threaded settings. Everything else builds on these; they use nothing of
 * the library.
 */
package dropout.arrays;
