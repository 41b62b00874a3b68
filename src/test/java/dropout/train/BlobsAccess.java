package dropout.train;

import dropout.data.Dataset;

/** Lets tests in other packages use the synthetic blobs. */
public final class BlobsAccess {
    private BlobsAccess() {
    }

    public static Dataset blobs() {
        return Blobs.make(600, 12, 4, 1.5, 1);
    }
}
