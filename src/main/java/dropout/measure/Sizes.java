package dropout.measure;

import dropout.core.Dropout;
import dropout.nn.Init;
import dropout.nn.Mlp;
import dropout.report.Named;
import java.util.Objects;

/** Families of models that differ only in size, named for a {@link Study}. */
public final class Sizes {
    private Sizes() {
    }

    /**
     * Networks {@code inputs → w → classes} for each width w, named "width w": one ReLU hidden layer with He
     * initialisation, followed by {@code dropout} (whose rate a schedule sets at every update).
     */
    public static Named<Mlp> oneHiddenLayer(int inputs, int classes, Dropout dropout, int... widths) {
        Objects.requireNonNull(dropout, "dropout: e.g. InvertedDropout.drop(0.1)");
        if (widths.length == 0) {
            throw new IllegalArgumentException("no widths: give at least one hidden-layer width, e.g. 4, 8, 64");
        }
        Named<Mlp> models = null;
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("width " + w + ": a hidden layer needs at least 1 unit");
            }
            Mlp m = Mlp.sizes(inputs, w, classes).init(Init.he()).dropoutEverywhere(dropout);
            models = models == null ? Named.of("width " + w, m) : models.and("width " + w, m);
        }
        return models;
    }

    /**
     * The layer sizes of a deep stack for {@code Mlp.sizes(...)}: {@code width} inputs, {@code hiddenLayers} hidden
     * layers of {@code width} units, {@code outputs} outputs; {@code deepStack(256, 32, 10)} has 34 entries.
     */
    public static int[] deepStack(int width, int hiddenLayers, int outputs) {
        if (width < 1 || hiddenLayers < 1 || outputs < 1) {
            throw new IllegalArgumentException("deepStack(" + width + ", " + hiddenLayers + ", " + outputs
                    + "): width, hidden layers and outputs must all be ≥ 1, e.g. deepStack(256, 32, 10)");
        }
        int[] sizes = new int[hiddenLayers + 2];
        java.util.Arrays.fill(sizes, width);
        sizes[hiddenLayers + 1] = outputs;
        return sizes;
    }
}
