package dropout.core;

import java.util.SplittableRandom;

/**
 * The project's one source of randomness. A seed makes a root generator; every consumer
 * (weight initialisation, shuffling, each dropout layer's masks) takes its own {@link #split()}
 * stream, so adding a probe or a layer never shifts the numbers another consumer sees.
 * Same seed, same numbers, in any JVM: {@link SplittableRandom}'s algorithm is fixed by its spec.
 */
public final class Rng {
    private final SplittableRandom random;

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    public static Rng seeded(long seed) {
        return new Rng(new SplittableRandom(seed));
    }

    /** An independent stream; the parent advances by one step. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** 64 random bits. */
    public long bits() {
        return random.nextLong();
    }

    /** Uniform in [0, bound). */
    public int below(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal N(0, 1). */
    public double gaussian() {
        return random.nextGaussian();
    }

    /** Fisher-Yates shuffle of {@code 0..n-1} into {@code order} (length n). */
    public void permutation(int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
