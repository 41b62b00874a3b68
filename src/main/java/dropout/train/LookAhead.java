package dropout.train;

import dropout.arrays.Buffers;
import dropout.arrays.Scratch;
import dropout.data.Dataset;
import dropout.nn.LabelScratch;
import dropout.nn.Network;
import dropout.nn.NoiseLayer;
import dropout.nn.StochasticLayer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mini-batches of one run, each prepared while the one before it trains: one second thread gathers the next
 * batch's examples and, where that is safe, draws the next pass's dropout noise ({@link NoiseLayer#sampleAhead}).
 * The split is fixed (the same work on the same thread on any machine, one core or sixteen), and no arithmetic
 * moves or changes order, so the numbers are bit for bit those of preparing each batch when it is needed.
 * <p>
 * Noise is drawn ahead only where nothing can come between the draw and its pass: no iteration listeners (a probe
 * may swap streams or run training-mode passes between steps), every stochastic layer a noise layer, none listed
 * twice (a Standout or DropConnect layer could share a stream and draw in between), and the next step's rate the
 * same, to the bit, as this one's (the trainer checks the schedule). Batch and buffers alternate between two
 * slots, so the batch being trained is never the one being written.
 */
final class LookAhead implements AutoCloseable {
    private final Dataset data;
    private final boolean enabled;
    private final List<NoiseLayer> noiseLayers;
    private final Scratch[] inputs;
    private final LabelScratch[] labels;
    private ExecutorService worker;
    private FutureTask<Void> pending;
    private int pendingStart = -1;
    private int slot;
    private int rowsTaken;

    /** Prepares nothing ahead when {@code enabled} is false; draws noise ahead only when {@code noiseToo} as well. */
    LookAhead(Dataset data, Network net, boolean enabled, boolean noiseToo) {
        this.data = data;
        this.enabled = enabled;
        this.noiseLayers = enabled && noiseToo ? noiseLayersIfSafe(net) : List.of();
        this.inputs = new Scratch[] {new Scratch(data.dim()), new Scratch(data.dim())};
        this.labels = new LabelScratch[] {new LabelScratch(), new LabelScratch()};
    }

    private static List<NoiseLayer> noiseLayersIfSafe(Network net) {
        List<StochasticLayer> all = net.stochasticLayers();
        IdentityHashMap<StochasticLayer, Boolean> seen = new IdentityHashMap<>();
        List<NoiseLayer> noise = new ArrayList<>();
        for (StochasticLayer l : all) {
            if (!(l instanceof NoiseLayer n) || seen.put(l, Boolean.TRUE) != null) {
                return List.of();
            }
            noise.add(n);
        }
        return noise;
    }

    /** Whether this run draws noise ahead at all. */
    boolean drawsNoise() {
        return !noiseLayers.isEmpty();
    }

    /** The batch {@code order[start .. start + rows)}: the one prepared ahead, waited for, or gathered now. */
    INDArray take(int[] order, int start, int rows) {
        if (pending != null) {
            if (pendingStart != start) {
                throw new IllegalStateException("batch prepared ahead from position " + pendingStart + " but " + start + " was asked for");
            }
            await();
        } else {
            if (enabled) {
                slot = 1 - slot;
            }
            data.gather(order, start, rows, Buffers.of(inputs[slot].get(rows)), labels[slot].get(rows));
        }
        rowsTaken = rows;
        return inputs[slot].get(rows);
    }

    /** The labels of the batch {@link #take} returned last. */
    int[] labels() {
        return labels[slot].get(rowsTaken);
    }

    /**
     * Starts preparing the batch {@code order[start .. start + rows)}; with {@code noise}, each noise layer's next
     * draws as well. Call after this step's forward pass, before its backward pass.
     */
    void prepare(int[] order, int start, int rows, boolean noise) {
        if (!enabled) {
            return;
        }
        int next = 1 - slot;
        FloatBuffer out = Buffers.of(inputs[next].get(rows));
        int[] labelsOut = labels[next].get(rows);
        List<Runnable> draws = new ArrayList<>();
        if (noise) {
            for (NoiseLayer l : noiseLayers) {
                Runnable r = l.sampleAhead(rows);
                if (r != null) {
                    draws.add(r);
                }
            }
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dropout-look-ahead");
                t.setDaemon(true);
                return t;
            });
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            data.gather(order, start, rows, out, labelsOut);
            for (Runnable r : draws) {
                r.run();
            }
        }, null);
        worker.execute(task);
        pending = task;
        pendingStart = start;
        slot = next;
    }

    /** Takes the prepared batch; if the second thread has not started it yet, this thread does the work itself. */
    private void await() {
        FutureTask<Void> f = pending;
        pending = null;
        pendingStart = -1;
        try {
            f.run();
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the next mini-batch was prepared", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("preparing the next mini-batch failed", e.getCause());
        }
    }

    /** Waits for any work still running, so no buffer is written after the run ends, and stops the thread. */
    @Override
    public void close() {
        try {
            if (pending != null) {
                await();
            }
        } finally {
            if (worker != null) {
                worker.shutdown();
            }
        }
    }
}
