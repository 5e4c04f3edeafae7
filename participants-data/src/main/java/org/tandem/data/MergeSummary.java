package org.tandem.data;

/**
 * What merging one store file into another did (or, when nothing was new, found).
 *
 * @param source   the store merged from: its file or server address
 * @param added    its sessions the target did not hold, copied with their trials and events
 * @param extended sessions the target held fewer trials of, given the rest, their events and their status
 * @param present  sessions the target already held as they are in the source
 * @param predictions kept network predictions the target did not hold, copied
 */
public record MergeSummary(String source, int added, int extended, int present, int predictions) {

    /** A merge of sessions only. */
    public MergeSummary(String source, int added, int extended, int present) {
        this(source, added, extended, present, 0);
    }

    /** The same, with the predictions taken from the source. */
    MergeSummary withPredictions(int copied) {
        return new MergeSummary(source, added, extended, present, copied);
    }

    /** Whether the target takes anything from this source. */
    public boolean changesTarget() {
        return added + extended + predictions > 0;
    }
}
