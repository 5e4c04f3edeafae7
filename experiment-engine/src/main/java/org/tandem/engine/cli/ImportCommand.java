package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.tandem.data.Studies;
import org.tandem.data.TandemStore;
import org.tandem.engine.imports.ImportMapping;
import org.tandem.engine.imports.ImportTool;
import org.tandem.engine.imports.SessionImporter;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Store people's trials exported by PsychoPy (its trial-by-trial .csv) or jsPsych (.json or .csv"
                + " from jsPsych.data.get()) as human sessions of a protocol, one per participant and file, read through a"
                + " column mapping (JSON). The sessions are marked as imported (tool, file, its SHA-256, mapping) and"
                + " join the report next to the networks. A file already imported is refused; an error anywhere stores"
                + " nothing. See docs/IMPORT.md.")
final class ImportCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "TOOL", description = "psychopy or jspsych.")
    String tool;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The exported trial files.")
    List<Path> files;

    @Option(names = "--protocol", required = true, paramLabel = "P",
            description = "The protocol file or built-in name the trials were run as.")
    String protocolName;

    @Option(names = "--mapping", required = true, paramLabel = "MAPPING.json",
            description = "Which columns give the participant, the factor levels, the response (and how its values map"
                    + " to the protocol's labels), the response time and which rows are trials.")
    Path mapping;

    @Option(names = "--participant-column", paramLabel = "C",
            description = "The column holding the participant code (default: the mapping's \"participant\").")
    String participantColumn;

    @Option(names = "--study", defaultValue = "imported", paramLabel = "NAME",
            description = "Study the sessions belong to (default: imported).")
    String study;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ImportTool importTool = java.util.Arrays.stream(ImportTool.values()).filter(t -> t.code().equals(tool))
                .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(), "TOOL '" + tool
                        + "' is not one Tandem imports from; give psychopy or jspsych"));
        Studies.checkName(study);
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolName);
        Protocol protocol = source.read();
        SessionImporter importer = new SessionImporter(importTool, source, protocol, ImportMapping.read(mapping),
                participantColumn);
        PrintWriter out = spec.commandLine().getOut();
        try (TandemStore store = db.open()) {
            List<SessionImporter.Imported> imported = importer.importInto(store, study, files);
            for (SessionImporter.Imported session : imported) {
                out.println(session.sessionId() + "  participant " + session.participant() + "  " + session.trials()
                        + " trials  from " + session.file());
            }
            out.println("Imported " + imported.size() + " session(s) of " + protocol.id() + " from " + importTool.code()
                    + " into " + store.name() + ", study " + study);
        }
        out.flush();
    }
}
