package org.tandem.engine.session;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.data.MergeSummary;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.TandemException;

/**
 * Sends a station's sessions to the lab server in the background while they run, so the lab's database follows the
 * rooms without a station ever waiting for the network: every trial is first durable in the station's own store, and
 * each push sends what the server lacks ({@link TandemStore#pushTo}). A server out of reach is said once, retried on
 * the next round, and said again when it is back; the session goes on either way. Closing pushes once more and says
 * whether the server holds everything, or which {@code tandem db push} sends the rest.
 */
public final class LabServerPush implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabServerPush.class);

    private final TandemStore local;
    private final StoreOptions server;
    private final PrintWriter out;
    private final ScheduledExecutorService rounds;
    /** Sessions finished before this station started: not this run's to push (tandem db push sends them). */
    private final Set<String> finishedBefore = new LinkedHashSet<>();
    /** Sessions whose finished state has reached the server. */
    private final Set<String> delivered = new LinkedHashSet<>();
    private volatile boolean failing;
    private volatile String lastFailure;
    /** The lab's store, kept open between rounds (one connection, one schema check); null until needed or after a failure. */
    private TandemStore lab;

    private LabServerPush(TandemStore local, StoreOptions server, Duration every, PrintWriter out) {
        this.local = local;
        this.server = server;
        this.out = out;
        for (SessionSummary s : local.sessions()) {
            if (s.status() != SessionStatus.RUNNING) {
                finishedBefore.add(s.sessionId());
            }
        }
        this.rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lab-server-push");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        rounds.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts pushing the running sessions of {@code local} to {@code server} every {@code every}. */
    public static LabServerPush start(TandemStore local, StoreOptions server, Duration every, PrintWriter out) {
        if (!server.onServer()) {
            throw new TandemException("--push-to " + server.name() + " is not a lab server; give"
                    + " postgresql://host[:port]/database");
        }
        if (local.onServer()) {
            throw new TandemException("--push-to needs a station's own store file as --db; " + local.name()
                    + " is already a server");
        }
        say(out, "Pushing sessions to the lab server " + server.name() + " every " + every.toSeconds() + " s.");
        return new LabServerPush(local, server, every, out);
    }

    /** One push of every running session and of those seen running before; never throws. */
    private synchronized void round() {
        try {
            Set<String> sending = new LinkedHashSet<>();
            Set<String> finished = new LinkedHashSet<>();
            for (SessionSummary s : local.sessions()) {
                boolean ours = s.status() == SessionStatus.RUNNING || !finishedBefore.contains(s.sessionId());
                if (ours && !delivered.contains(s.sessionId())) {
                    sending.add(s.sessionId());
                    if (s.status() != SessionStatus.RUNNING) {
                        finished.add(s.sessionId());
                    }
                }
            }
            if (sending.isEmpty()) {
                return;
            }
            MergeSummary pushed = push(sending);
            delivered.addAll(finished); // read before the push, so the push sent them finished
            if (failing) {
                say(out, "The lab server " + server.name() + " is reachable again; pushed " + pushed.added() + " new and "
                        + pushed.extended() + " extended session(s).");
                failing = false;
            }
        } catch (RuntimeException e) {
            closeLab(); // a server that is away is reached afresh next round
            lastFailure = e.getMessage();
            if (!failing) {
                say(out, "Cannot push to the lab server (" + e.getMessage() + "). The session goes on; every trial is"
                        + " kept in " + local.name() + " and pushed when the server is back.");
                failing = true;
            }
            LOG.debug("push to {} failed", server.name(), e);
        }
    }

    /**
     * Pushes through the connection kept open; one the server has dropped meanwhile (a restart, an idle time-out) is
     * replaced once before the round counts as failed.
     */
    private MergeSummary push(Set<String> sending) {
        try {
            return local.pushTo(lab(), sending);
        } catch (RuntimeException stale) {
            closeLab();
            return local.pushTo(lab(), sending);
        }
    }

    private TandemStore lab() {
        if (lab == null) {
            lab = TandemStore.open(server);
        }
        return lab;
    }

    private void closeLab() {
        if (lab != null) {
            try {
                lab.close();
            } catch (RuntimeException ignored) {
                // its connection is gone already
            }
            lab = null;
        }
    }

    /** Stops the rounds and pushes once more; says whether the server now holds this station's sessions. */
    @Override
    public void close() {
        // never shutdownNow: an interrupt during H2's file I/O closes its file channel, and with it the station's store
        rounds.shutdown();
        boolean idle;
        try {
            idle = rounds.awaitTermination(90, TimeUnit.SECONDS); // a round gives up on the network after 60 s
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        failing = false;
        if (idle) {
            round();
            closeLab();
        } else {
            failing = true;
            lastFailure = "a push was still waiting for the server";
        }
        if (failing) {
            say(out, "Not all sessions reached the lab server (" + lastFailure + "). Send them later with: tandem db push"
                    + " --db " + local.name() + " --to " + server.name());
        } else {
            say(out, "The lab server " + server.name() + " holds this station's sessions.");
        }
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
