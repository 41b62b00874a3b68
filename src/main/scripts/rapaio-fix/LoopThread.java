package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/*
 * Start-up fix for rapaio-jupyter-kernel 3.0.1, placed ahead of the kernel's jar on the class path by
 * install-kernel.sh (same package, name and public API, so the jar's classes use this one instead).
 * Each of the kernel's channels (shell, control, heartbeat) runs its loop in a LoopThread. In 3.0.1
 * two races at start-up can each end a loop for good, and then the kernel never answers (measured on
 * 2 cores: 11 hung starts in 60, between 1 in 10 and 1 in 3 depending on the load):
 *
 * 1. start() starts the thread first and raises the `running` flag afterwards; a thread that reads
 *    the flag before it is raised ends its loop at once, silently.
 * 2. A request that arrives before the kernel has registered its message handlers makes the loop body
 *    throw (NullPointerException in Channels.getHandler), and the exception ends the thread. Jupyter
 *    clients send kernel_info requests as soon as they connect, so this one is common too.
 *
 * Here the flag is raised before the thread starts, and an exception from one turn of the loop is
 * logged (to the kernel's stderr) instead of ending it. Race 2's cause is removed by Channels.java
 * beside this file (handlers registered before the channels bind); the catch stays as a guard, so
 * that no exception in one request can end a channel.
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private volatile boolean running;
    private final long sleepMillis;
    private final Runnable loopBody;

    public LoopThread(String name, long sleepMillis, Runnable loopBody) {
        super(name);
        this.sleepMillis = sleepMillis;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOGGER.log(Level.WARNING, getName() + ": one turn of the loop failed (" + e + "); the loop goes on", e);
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
