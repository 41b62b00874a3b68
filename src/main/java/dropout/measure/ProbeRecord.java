package dropout.measure;

/**
 * What {@link GradientProbes} measured at one checkpoint.
 *
 * @param iteration  updates done when measured (0 = at initialisation; after update t, i.e. when the trainer's
 *                   {@code Step.iteration()} is t, it is t + 1)
 * @param dropRate   drop probability p of the first dropout layer while the mini-batch gradients were taken
 *                   (the rate of the update just done); 0 without dropout layers
 * @param gradNorm   mean over the k probe mini-batches of the whole-model gradient norm ‖gᵢ‖₂ (dropout as in training)
 * @param distance   ‖W − W₀‖₂ over all parameters, W₀ their values when the probes were made
 * @param gdv        gradient direction variance: mean over pairs i ≠ j of ½(1 − cos(gᵢ, gⱼ))
 * @param gde        gradient direction error: mean over i of ½(1 − cos(gᵢ, ĝ)), ĝ the full-data gradient with
 *                   dropout off; NaN when the probes were made {@link GradientProbes#withoutReference() without} ĝ
 * @param fullLoss   mean loss over the reference data with dropout off (a by-product of ĝ); NaN without ĝ
 */
public record ProbeRecord(long iteration, double dropRate, double gradNorm, double distance, double gdv, double gde,
                          double fullLoss) {
}
