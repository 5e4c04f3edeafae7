package org.tandem.observer.store;

/** Told how a package download goes, for a progress bar: its size when known (else -1), then the bytes read so far. */
public interface DownloadProgress {
    DownloadProgress NONE = new DownloadProgress() {
        @Override
        public void started(String what, long totalBytes) {
        }

        @Override
        public void read(long bytesSoFar) {
        }

        @Override
        public void finished() {
        }
    };

    void started(String what, long totalBytes);

    void read(long bytesSoFar);

    void finished();
}
