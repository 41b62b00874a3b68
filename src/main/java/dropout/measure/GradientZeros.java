package dropout.measure;

import dropout.arrays.FloatArrays;
import dropout.nn.Dense;
import dropout.nn.Network;
import dropout.nn.Param;
import dropout.report.Table;

/** After a backward pass: for each parameter of each dense layer, how many gradient entries are exactly 0. */
public final class GradientZeros {
    private GradientZeros() {
    }

    /** Columns: parameter, shape, entries, exactly 0; one row per parameter, in layer order. */
    public static Table of(Network net) {
        var table = Table.of("parameter", "shape", "entries", "exactly 0");
        for (Dense dense : net.layersOf(Dense.class)) {
            for (Param p : dense.params()) {
                table.row(p.name() + " of " + dense, FloatArrays.shape(p.value()), p.value().length(),
                        p.exactZeroGradients());
            }
        }
        return table;
    }
}
