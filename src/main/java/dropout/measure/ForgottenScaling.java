package dropout.measure;

import dropout.core.UnscaledDropout;
import dropout.data.Dataset;
import dropout.nn.Network;
import dropout.nn.Sampling;
import dropout.train.Evaluation;

/**
 * A trained network evaluated twice: as trained, and with every dropout layer's scaling forgotten
 * ({@link UnscaledDropout}). The network is left as it was.
 */
public record ForgottenScaling(Evaluation asTrained, Evaluation forgotten) {

    public static ForgottenScaling evaluate(Network net, Dataset test) {
        Evaluation right = Evaluation.of(net, test, 1000);
        return Sampling.of(net).style(d -> new UnscaledDropout(d.rate()))
                .call(() -> new ForgottenScaling(right, Evaluation.of(net, test, 1000)));
    }
}
