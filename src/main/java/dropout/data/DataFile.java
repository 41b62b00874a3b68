package dropout.data;

import java.util.List;

/**
 * One file of a dataset and how to check it: {@code name} without {@code .gz}, the size and SHA-256 of
 * its decompressed bytes, and the MD5 of the official {@code .gz} download.
 */
record DataFile(String name, long size, String sha256, String gzMd5) {
    static final DataFile TRAIN_IMAGES = new DataFile("train-images-idx3-ubyte", 47_040_016L,
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", "8d4fb7e6c68d591d4c3dfef9ec88bf0d");
    static final DataFile TRAIN_LABELS = new DataFile("train-labels-idx1-ubyte", 60_008L,
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", "25c81989df183df01b3e8a0aad5dffbe");
    static final DataFile TEST_IMAGES = new DataFile("t10k-images-idx3-ubyte", 7_840_016L,
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", "bef4ecab320f06d8554ea6380940ec79");
    static final DataFile TEST_LABELS = new DataFile("t10k-labels-idx1-ubyte", 10_008L,
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", "bb300cfdad3c16e7a12a480ee83cd310");

    /** Fashion-MNIST, in the order train images, train labels, test images, test labels. */
    static final List<DataFile> FASHION_MNIST = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    DataFile {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": size " + size + " is more than one Java array can hold");
        }
    }

    /** The IDX magic number the file starts with: images or labels, by its name. */
    int magic() {
        return name.contains("-images-") ? Idx.IMAGES_MAGIC : Idx.LABELS_MAGIC;
    }

    String gzName() {
        return name + ".gz";
    }
}
