package dropout.nn;

import dropout.arrays.Buffers;
import dropout.report.Named;
import java.nio.FloatBuffer;
import java.util.List;

/** How far training moved each parameter array: the largest |after − before| per array, by name. */
public final class ParamChange {
    private ParamChange() {
    }

    /**
     * Compares a trained network with a fresh one built the same way from the same seed. Names are
     * "layer k W" / "layer k b" (k counts the layers that have parameters, from 1), or the layer's own names.
     */
    public static Named<Double> largest(Network before, Network after) {
        List<Layer> a = before.layers();
        List<Layer> b = after.layers();
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(a.size() + " layers before, " + b.size() + " after: compare two networks"
                    + " built by the same builder (same sizes and layers)");
        }
        Named<Double> out = null;
        int k = 0;
        for (int i = 0; i < a.size(); i++) {
            List<Param> pa = a.get(i).params();
            List<Param> pb = b.get(i).params();
            if (pa.isEmpty()) {
                continue;
            }
            k++;
            for (int j = 0; j < pa.size(); j++) {
                FloatBuffer x = Buffers.of(pa.get(j).value());
                FloatBuffer y = Buffers.of(pb.get(j).value());
                long n = pa.get(j).value().length();
                if (n != pb.get(j).value().length()) {
                    throw new IllegalArgumentException("layer " + k + " " + pa.get(j).name() + ": shapes differ");
                }
                double max = 0;
                for (int e = 0; e < n; e++) {
                    max = Math.max(max, Math.abs(x.get(e) - y.get(e)));
                }
                String name = "layer " + k + " " + pa.get(j).name();
                out = out == null ? Named.of(name, max) : out.and(name, max);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("the networks have no parameters to compare");
        }
        return out;
    }
}
