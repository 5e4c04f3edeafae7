package org.tandem.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.sweep.SweepCell;
import org.tandem.protocols.TandemException;

/** The store files of a Spark sweep's output folder: {@code part-00000.mv.db}, one per partition. */
final class PartFiles {
    private static final Pattern PART = Pattern.compile("part-(\\d{5})\\.mv\\.db");

    private PartFiles() {
    }

    static String name(int part) {
        return String.format("part-%05d.mv.db", part);
    }

    /** The part files already in {@code dir}, by part number. */
    static Map<Integer, Path> in(Path dir) {
        Map<Integer, Path> parts = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return parts;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = PART.matcher(file.getFileName().toString());
                if (m.matches()) {
                    parts.put(Integer.parseInt(m.group(1)), file);
                }
            });
        } catch (IOException e) {
            throw new TandemException("cannot list the sweep folder " + dir + " (" + e.getMessage() + ")");
        }
        return parts;
    }

    /**
     * Which part file already holds each cell of the study (by cell key), so a rerun keeps every cell where its session
     * is, whatever the partition count or grid now; the lowest part wins should two hold one.
     */
    static Map<String, Integer> storedCells(Path dir, String study) {
        Map<String, Integer> byKey = new HashMap<>();
        for (Map.Entry<Integer, Path> part : in(dir).entrySet()) {
            try (TandemStore store = TandemStore.openForReading(StoreOptions.at(part.getValue()))) {
                for (SessionSummary session : store.sessions(SessionFilter.study(study))) {
                    String key = session.stationInfo().get(SweepCell.FACT);
                    if (key != null) {
                        byKey.putIfAbsent(key, part.getKey());
                    }
                }
            }
        }
        return byKey;
    }

    static List<StoreOptions> stores(Path dir) {
        return new ArrayList<>(in(dir).values().stream().map(StoreOptions::at).toList());
    }
}
