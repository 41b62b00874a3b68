package dropout.expectation;

import dropout.core.Dropout;
import dropout.core.UnscaledDropout;
import dropout.data.Dataset;
import dropout.nn.DropoutLayer;
import dropout.nn.Network;
import dropout.train.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained network evaluated twice: as trained, and with every dropout layer's scaling forgotten
 * ({@link UnscaledDropout}). The network is left as it was.
 */
public record ForgottenScaling(Evaluation asTrained, Evaluation forgotten) {

    public static ForgottenScaling evaluate(Network net, Dataset test) {
        Evaluation right = Evaluation.of(net, test, 1000);
        List<DropoutLayer> drops = net.layersOf(DropoutLayer.class);
        List<Dropout> styles = new ArrayList<>();
        for (DropoutLayer d : drops) {
            styles.add(d.dropout());
            d.setDropout(new UnscaledDropout(d.rate()));
        }
        try {
            return new ForgottenScaling(right, Evaluation.of(net, test, 1000));
        } finally {
            for (int i = 0; i < drops.size(); i++) {
                drops.get(i).setDropout(styles.get(i));
            }
        }
    }
}
