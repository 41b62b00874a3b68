package dropout.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Fashion-MNIST (Zalando): 28×28 grey-scale images of clothing in 10 classes, 60,000 for training and
 * 10,000 for testing, with pixels scaled to [0, 1]. Every file is checked against the SHA-256 of the
 * official data before it is used.
 */
public final class FashionMnist {
    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int DIM = ROWS * COLS;
    public static final int CLASSES = 10;
    public static final int TRAIN_SIZE = 60_000;
    public static final int TEST_SIZE = 10_000;

    /** Class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final Dataset train;
    private final Dataset test;
    private final List<Path> files;

    private FashionMnist(Dataset train, Dataset test, List<Path> files) {
        this.train = train;
        this.test = test;
        this.files = files;
    }

    /**
     * Loads the data from the first source that has it: the directory in {@code FASHION_MNIST_DIR};
     * the Debian package's {@code /usr/share/datasets/fashion-mnist}; the cache
     * {@code ${XDG_CACHE_HOME:-~/.cache}/dropout-steps/fashion-mnist}; else downloads it into that
     * cache. A missing or bad file is a {@link DataFileException} that says how to get the data.
     */
    public static FashionMnist load() {
        return load(Locator.defaults(null, System.getenv()));
    }

    /** Loads the data from {@code dir} only; each file may be {@code name.gz} or {@code name}. */
    public static FashionMnist load(Path dir) {
        Objects.requireNonNull(dir, "dir: give the directory holding the Fashion-MNIST files, or call load()");
        return load(Locator.defaults(dir, System.getenv()));
    }

    static FashionMnist load(Locator locator) {
        List<Locator.Found> found = locator.find();
        Dataset train = dataset("fashion-mnist train", found.get(0), found.get(1), locator);
        Dataset test = dataset("fashion-mnist test", found.get(2), found.get(3), locator);
        return new FashionMnist(train, test, found.stream().map(Locator.Found::path).toList());
    }

    private static Dataset dataset(String name, Locator.Found images, Locator.Found labels, Locator locator) {
        try {
            Idx.Images x = Idx.readImages(new ByteArrayInputStream(images.bytes()), images.path().toString());
            if (x.rows() != ROWS || x.cols() != COLS) {
                throw new DataFileException(x.file(), ROWS + "×" + COLS + " images", x.rows() + "×" + x.cols(), "");
            }
            int[] y = Idx.readLabels(new ByteArrayInputStream(labels.bytes()), labels.path().toString());
            return Idx.dataset(name, x, y, labels.path().toString(), CLASSES);
        } catch (DataFileException e) {
            throw new DataFileException(e.file(), e.expected(), e.found(), locator.ways(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes already in memory failed, which cannot happen", e);
        }
    }

    /** 60,000 training examples (fewer after {@link #subset}). */
    public Dataset train() {
        return train;
    }

    /** 10,000 test examples (fewer after {@link #subset}). */
    public Dataset test() {
        return test;
    }

    /** The first {@code nTrain} training and {@code nTest} test examples, for quick experiments. */
    public FashionMnist subset(int nTrain, int nTest) {
        return new FashionMnist(train.first(nTrain), test.first(nTest), files);
    }

    /** The files read: train images, train labels, test images, test labels. */
    public List<Path> files() {
        return files;
    }

    /** The name of class {@code label}, e.g. {@code className(9)} is "Ankle boot". */
    public static String className(int label) {
        if (label < 0 || label >= CLASSES) {
            throw new IllegalArgumentException("label = " + label + ": Fashion-MNIST labels are 0.." + (CLASSES - 1));
        }
        return CLASS_NAMES.get(label);
    }

    @Override
    public String toString() {
        return "Fashion-MNIST: " + train.size() + " train, " + test.size() + " test, from "
                + files.get(0).getParent();
    }
}
