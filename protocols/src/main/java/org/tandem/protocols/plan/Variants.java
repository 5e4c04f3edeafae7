package org.tandem.protocols.plan;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;

/** Derives the protocol a variant describes: other factor levels, another repetition count, practice kept or left out. */
public final class Variants {
    private Variants() {
    }

    public static Protocol apply(Protocol protocol, String name) {
        Protocol.Variant variant = protocol.variant(name).orElseThrow(() -> new TandemException(
                "protocol " + protocol.id() + " has no variant '" + name + "'"
                        + (protocol.variants().isEmpty() ? "; it declares none"
                        : "; it declares " + protocol.variants().stream().map(Protocol.Variant::name).toList())));
        List<Protocol.Factor> factors = new ArrayList<>();
        for (Protocol.Factor factor : protocol.factors()) {
            factors.add(new Protocol.Factor(factor.name(), factor.unit(),
                    variant.levels().getOrDefault(factor.name(), factor.levels())));
        }
        boolean keepPractice = variant.practice() == null || variant.practice();
        List<Protocol.Block> blocks = new ArrayList<>();
        for (Protocol.Block block : protocol.blocks()) {
            if (block.practice() && !keepPractice) {
                continue;
            }
            Integer repetitions = block.practice() || variant.repetitions() == null ? block.repetitions() : variant.repetitions();
            blocks.add(new Protocol.Block(block.name(), block.practice(), block.feedback(), repetitions, block.levels(),
                    block.instructions()));
        }
        int repetitions = variant.repetitions() != null ? variant.repetitions() : protocol.repetitions();
        return new Protocol(protocol.format(), protocol.id(), protocol.title(), protocol.description(), protocol.instructions(),
                protocol.stimulusSets(), protocol.task(), factors, repetitions, blocks, protocol.randomisation(),
                protocol.timing(), protocol.breaks(), protocol.variants(), protocol.display(),
                protocol.wording(), protocol.analysis());
    }
}
