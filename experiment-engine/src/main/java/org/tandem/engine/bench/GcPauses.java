package org.tandem.engine.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the JVM's garbage collections while a benchmark runs: the collection counts before and after (exact), and
 * each collection's duration from the collectors' notifications (milliseconds, as the JVM reports them).
 */
final class GcPauses implements AutoCloseable {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<Long> pausesMs = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final long countBefore;

    GcPauses() {
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        countBefore = collections();
    }

    private void onNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            synchronized (pausesMs) {
                pausesMs.add(info.getGcInfo().getDuration());
            }
        }
    }

    private long collections() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }

    /** Collections since this watch started. */
    long count() {
        return collections() - countBefore;
    }

    /** The longest collection seen so far in milliseconds, 0 when none. */
    long longestMs() {
        synchronized (pausesMs) {
            return pausesMs.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // never added: nothing to remove
                }
            }
        }
    }
}
