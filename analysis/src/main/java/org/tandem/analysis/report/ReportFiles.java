package org.tandem.analysis.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.rsa.RsaStudy;
import org.tandem.analysis.units.UnitsStudy;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.Report.ProtocolReport;
import org.tandem.protocols.TandemException;

/**
 * Writes a report's files into one directory: report.html, results.json (every number, no time stamp), fits.csv,
 * comparisons.csv, confusion_OBSERVER.csv per observer of a classification task, and layers.csv when the report holds
 * layer-by-layer comparisons, manipulations.csv when it compares lesioned or shuffled networks with intact ones,
 * mask-shifts.csv when a protocol names a baseline (PSE shifts by mask). The
 * files name participants, so
 * they are readable by their owner only, like the database and its exports.
 */
public final class ReportFiles {
    public static final String HTML = "report.html";
    public static final String JSON = "results.json";
    public static final String FITS = "fits.csv";
    public static final String COMPARISONS = "comparisons.csv";
    public static final String LAYERS = "layers.csv";
    public static final String MANIPULATIONS = "manipulations.csv";
    public static final String MASK_SHIFTS = "mask-shifts.csv";
    private static final List<String> FIXED = List.of(HTML, JSON, FITS, COMPARISONS, LAYERS, MASK_SHIFTS);
    private static final String CONFUSION_PREFIX = "confusion_";

    private ReportFiles() {
    }

    /** The JSON of results.json: the same report gives the same bytes. */
    public static String json(Report report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /** Writes every file; returns the paths written, report.html first. */
    public static List<Path> write(Report report, Path dir, String generatedAt) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HTML, ReportHtml.render(report, generatedAt));
        files.put(JSON, json(report));
        files.put(FITS, ReportCsv.fits(report));
        files.put(COMPARISONS, ReportCsv.comparisons(report));
        if (!report.layers().isEmpty()) {
            files.put(LAYERS, ReportCsv.layers(report));
        }
        if (!report.manipulations().isEmpty()) {
            files.put(MANIPULATIONS, ReportCsv.manipulations(report));
        }
        if (report.masks() != null) {
            files.put(MASK_SHIFTS, ReportCsv.maskShifts(report));
        }
        files.putAll(confusionFiles(report));
        return writeAll(files, dir);
    }

    private static List<Path> writeAll(Map<String, String> files, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path path = dir.resolve(f.getKey());
                OwnerOnlyFile.write(path, f.getValue());
                written.add(path);
            }
        } catch (IOException e) {
            throw new TandemException("cannot write the report into " + dir + ": " + e.getMessage()
                    + "; give an --out directory you can write to");
        }
        return written;
    }

    /** The files {@link #writeLayers} writes: layers.html, layers.json and layers.csv. */
    public static final List<String> LAYER_FILES = List.of("layers.html", "layers.json", LAYERS);

    /**
     * Writes layer-by-layer comparisons on their own (tandem layers): layers.html (figure, table and flags of each, as the
     * full report shows them), layers.json (the comparisons, readable by {@link #readLayers}) and layers.csv.
     */
    public static List<Path> writeLayers(List<LayerSweep> sweeps, Path dir, String generatedAt) {
        Report report = new Report(null, "–", sweeps.get(0).seed(), 0, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.copyOf(sweeps), List.of(), List.of(), null, null, List.of());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(LAYER_FILES.get(0), ReportHtml.render(report, generatedAt));
        try {
            files.put(LAYER_FILES.get(1), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(sweeps) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the layer comparison as JSON", e);
        }
        files.put(LAYERS, ReportCsv.layers(report));
        return writeAll(files, dir);
    }

    /** The files {@link #writeUnits} writes: units.html and units.json. */
    public static final List<String> UNIT_FILES = List.of("units.html", "units.json");

    /** Writes a study of selective units on its own (tandem units): units.html and units.json ({@link #readUnits}). */
    public static List<Path> writeUnits(UnitsStudy study, Path dir, String generatedAt) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(UNIT_FILES.get(0), ReportHtml.render(Report.ofUnits(study), generatedAt));
        try {
            files.put(UNIT_FILES.get(1), new ObjectMapper().writeValueAsString(study) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the units as JSON", e);
        }
        return writeAll(files, dir);
    }

    /** Reads a units.json written by {@link #writeUnits}; one line naming the file when it is not one. */
    public static UnitsStudy readUnits(Path file) {
        try {
            UnitsStudy study = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), UnitsStudy.class);
            if (study.layers().isEmpty()) {
                throw new IOException("it holds no layer");
            }
            return study;
        } catch (IOException | RuntimeException e) {
            throw new TandemException(file + " is not a study of units written by tandem units ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); give the units.json of a"
                    + " tandem units run");
        }
    }

    /** The files {@link #writeLooks} writes: explain.html and explain.json. */
    public static final List<String> LOOKS_FILES = List.of("explain.html", "explain.json");

    /** Writes class-activation maps' region shares on their own (tandem explain): explain.html and explain.json. */
    public static List<Path> writeLooks(LooksStudy study, Path dir, String generatedAt) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(LOOKS_FILES.get(0), ReportHtml.render(Report.ofLooks(study), generatedAt));
        try {
            files.put(LOOKS_FILES.get(1), new ObjectMapper().writeValueAsString(study) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the maps' region shares as JSON", e);
        }
        return writeAll(files, dir);
    }

    /** Reads an explain.json written by {@link #writeLooks}; one line naming the file when it is not one. */
    public static LooksStudy readLooks(Path file) {
        try {
            LooksStudy study = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), LooksStudy.class);
            if (study.networks() == null || study.networks().isEmpty()) {
                throw new IOException("it holds no network");
            }
            return study;
        } catch (IOException | RuntimeException e) {
            throw new TandemException(file + " is not a study of maps written by tandem explain ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); give the explain.json of a"
                    + " tandem explain run");
        }
    }

    /** The files {@link #writeRsa} writes: rsa.html and rsa.json. */
    public static final List<String> RSA_FILES = List.of("rsa.html", "rsa.json");

    /** Writes networks' RDMs on their own (tandem rsa): rsa.html and rsa.json ({@link #readRsa}). */
    public static List<Path> writeRsa(RsaStudy study, Path dir, String generatedAt) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RSA_FILES.get(0), ReportHtml.render(Report.ofRsa(List.of(study)), generatedAt));
        try {
            files.put(RSA_FILES.get(1), new ObjectMapper().writeValueAsString(study) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the RDMs as JSON", e);
        }
        return writeAll(files, dir);
    }

    /** Reads an rsa.json written by {@link #writeRsa}; one line naming the file when it is not one. */
    public static RsaStudy readRsa(Path file) {
        try {
            RsaStudy study = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), RsaStudy.class);
            if (study.layers().isEmpty()) {
                throw new IOException("it holds no layer");
            }
            return study;
        } catch (IOException | RuntimeException e) {
            throw new TandemException(file + " is not a set of RDMs written by tandem rsa ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); give the rsa.json of a"
                    + " tandem rsa run");
        }
    }

    /** Reads a layers.json written by {@link #writeLayers}; one line naming the file when it is not one. */
    public static List<LayerSweep> readLayers(Path file) {
        try {
            LayerSweep[] sweeps = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), LayerSweep[].class);
            if (sweeps.length == 0) {
                throw new IOException("it holds no comparison");
            }
            return List.of(sweeps);
        } catch (IOException e) {
            throw new TandemException(file + " is not a layer comparison written by tandem layers ("
                    + e.getMessage().lines().findFirst().orElse("") + "); give the layers.json of a tandem layers run");
        }
    }

    /**
     * The report files already in {@code dir}, which writing a report there could replace: the fixed ones in the order
     * {@link #write} writes them, then every confusion_*.csv (which of those a report writes depends on its observers).
     */
    public static List<Path> existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        FIXED.stream().map(dir::resolve).filter(Files::exists).forEach(found::add);
        try (DirectoryStream<Path> confusion = Files.newDirectoryStream(dir, CONFUSION_PREFIX + "*.csv")) {
            List<Path> sorted = new ArrayList<>();
            confusion.forEach(sorted::add);
            sorted.sort(null);
            found.addAll(sorted);
        } catch (IOException e) {
            throw new TandemException("cannot list " + dir + ": " + e.getMessage() + "; give an --out directory you can"
                    + " read");
        }
        return found;
    }

    /** confusion_OBSERVER.csv per classification observer; prefixed by the protocol when there are several. */
    static Map<String, String> confusionFiles(Report report) {
        List<ProtocolReport> classification = report.protocols().stream().filter(p -> p.classification() != null).toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (ProtocolReport p : classification) {
            String prefix = classification.size() > 1 ? safe(p.protocolId()) + "_" : "";
            for (ClassificationObserver o : p.classification().observers()) {
                out.put(CONFUSION_PREFIX + prefix + safe(o.name()) + ".csv",
                        ReportCsv.confusion(p.classification().labels(), o.counts()));
            }
        }
        return out;
    }

    /** A file-name-safe form of an observer name, e.g. faceapi:expression → faceapi_expression. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
