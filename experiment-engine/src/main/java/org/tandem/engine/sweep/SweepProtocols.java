package org.tandem.engine.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.stimuli.library.StimulusLibrary;

/** A sweep's protocols, each read, checked and given its stimulus library once, before any cell runs. */
public final class SweepProtocols {
    /** A protocol ready to run: its source (stored with sessions), the protocol and its stimuli. */
    public record Resolved(BuiltinProtocols.Source source, Protocol protocol, StimulusLibrary library) {
    }

    private final Map<String, Resolved> byName = new LinkedHashMap<>();

    /** @param resolve reads one protocol file or built-in name */
    public SweepProtocols(List<String> names, Function<String, Resolved> resolve) {
        for (String name : names) {
            byName.computeIfAbsent(name, resolve);
        }
    }

    /** The protocols read as every session command reads them (checked against the built-in sets' vocabulary). */
    public static SweepProtocols read(List<String> names) {
        return new SweepProtocols(names, name -> {
            BuiltinProtocols.Source source = BuiltinProtocols.resolve(name);
            Protocol protocol = source.read();
            return new Resolved(source, protocol, ProtocolStimuli.library(source, protocol));
        });
    }

    /** The protocol of that name, as read when the sweep started. */
    public Resolved of(String name) {
        Resolved resolved = byName.get(name);
        if (resolved == null) {
            throw new IllegalArgumentException("protocol " + name + " was not resolved");
        }
        return resolved;
    }
}
