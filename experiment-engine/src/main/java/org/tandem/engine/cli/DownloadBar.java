package org.tandem.engine.cli;

import org.tandem.observer.store.DownloadProgress;

/** A download's progress bar in kilobytes (shown on an interactive terminal only, like every {@link Progress}). */
final class DownloadBar implements DownloadProgress {
    private Progress bar;

    @Override
    public void started(String what, long totalBytes) {
        bar = Progress.of("download " + what + " (kB)", Math.max(1, totalBytes / 1024));
    }

    @Override
    public void read(long bytesSoFar) {
        if (bar != null) {
            bar.stepTo(bytesSoFar / 1024);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
