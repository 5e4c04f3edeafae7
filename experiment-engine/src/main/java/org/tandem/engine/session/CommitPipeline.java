package org.tandem.engine.session;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tandem.protocols.observer.DurabilityGate;

/**
 * Runs trial commits one at a time on a single background thread, so the render thread keeps drawing while a trial is
 * written. At most one commit is in flight: {@link #submit} first waits for the previous one. As a
 * {@link DurabilityGate} it tells the observer when the previous commit has returned; a failed commit is rethrown by
 * {@link #stored()} and {@link #await()}.
 */
final class CommitPipeline implements DurabilityGate, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "tandem-commit");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> pending;

    /** Waits for the previous commit, then starts {@code commit} in the background. */
    void submit(Runnable commit) {
        await();
        pending = thread.submit(commit);
    }

    @Override
    public boolean stored() {
        Future<?> commit = pending;
        if (commit == null) {
            return true;
        }
        if (!commit.isDone()) {
            return false;
        }
        await();
        return true;
    }

    @Override
    public void await() {
        Future<?> commit = pending;
        if (commit == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    commit.get();
                    break;
                } catch (InterruptedException e) {
                    // the commit runs to its end either way; waiting for it is what keeps the trial
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            pending = null;
            throw rethrown(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        pending = null;
    }

    /** Lets a commit in flight finish (its failure, if any, stays with {@link #await()}), then ends the thread. */
    @Override
    public void close() {
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a trial commit failed: " + cause, cause);
    }
}
