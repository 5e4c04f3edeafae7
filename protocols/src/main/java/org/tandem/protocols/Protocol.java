package org.tandem.protocols;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment as plain data: what is shown, what is asked, in which order and with which timing.
 * Read it with {@link ProtocolReader}, which validates the file first; records here assume a valid protocol.
 */
public record Protocol(
        String format,
        String id,
        String title,
        String description,
        List<String> instructions,
        List<StimulusSet> stimulusSets,
        Task task,
        List<Factor> factors,
        int repetitions,
        List<Block> blocks,
        Randomisation randomisation,
        Timing timing,
        Breaks breaks,
        List<Variant> variants,
        @JsonInclude(JsonInclude.Include.NON_NULL) Display display,
        @JsonInclude(JsonInclude.Include.NON_NULL) Wording wording,
        @JsonInclude(JsonInclude.Include.NON_NULL) Analysis analysis) {

    public static final String FORMAT = "tandem-protocol/1";

    public Protocol {
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        variants = variants == null ? List.of() : List.copyOf(variants);
        blocks = blocks == null || blocks.isEmpty() ? List.of(Block.MAIN) : List.copyOf(blocks);
        randomisation = randomisation == null ? Randomisation.FULL_RANDOM : randomisation;
        breaks = breaks == null ? Breaks.NONE : breaks;
    }

    /** A protocol without display sizes: everything at native pixels or screen-relative sizes. */
    public Protocol(String format, String id, String title, String description, List<String> instructions,
                    List<StimulusSet> stimulusSets, Task task, List<Factor> factors, int repetitions, List<Block> blocks,
                    Randomisation randomisation, Timing timing, Breaks breaks, List<Variant> variants) {
        this(format, id, title, description, instructions, stimulusSets, task, factors, repetitions, blocks,
                randomisation, timing, breaks, variants, null, null, null);
    }

    /** A protocol with display sizes and wording, analysed as the report does by default. */
    public Protocol(String format, String id, String title, String description, List<String> instructions,
                    List<StimulusSet> stimulusSets, Task task, List<Factor> factors, int repetitions, List<Block> blocks,
                    Randomisation randomisation, Timing timing, Breaks breaks, List<Variant> variants, Display display,
                    Wording wording) {
        this(format, id, title, description, instructions, stimulusSets, task, factors, repetitions, blocks,
                randomisation, timing, breaks, variants, display, wording, null);
    }

    /**
     * How the report fits the protocol's two-AFC identification curves, each choice optional: the sigmoid
     * ({@code cumnormal}, {@code logistic}, {@code gumbel}, {@code rgumbel}, {@code tdist}, {@code weibull}) and the
     * direction ({@code increasing}, {@code decreasing} or {@code auto}; by default the one the counted label's end of
     * the continuum implies). {@code baseline} names the protocol this one manipulates (e.g. the unmasked continuum of
     * a masked one), so the report sets each observer's PSE here against its PSE there. Left out of the JSON (and so
     * of the hash) when absent; so is {@code baseline} alone, which keeps the hash of protocols written before it.
     */
    public record Analysis(String sigmoid, String direction,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String baseline) {
        public Analysis(String sigmoid, String direction) {
            this(sigmoid, direction, null);
        }
    }

    /**
     * Sizes at the station in degrees of visual angle, each optional: the stimulus image's width, the fixation cross's
     * arm-to-arm size and the body text's height. The station needs the viewing distance and the screen's width to
     * draw them, and refuses to run without. Left out of the JSON (and so of the hash) when absent.
     */
    public record Display(Double stimulusWidthDeg, Double fixationDeg, Double textHeightDeg) {
        public boolean anyDegrees() {
            return stimulusWidthDeg != null || fixationDeg != null || textHeightDeg != null;
        }
    }

    /**
     * Everything the station says to the participant, for protocols in another language (or other words); each field
     * optional, English when absent. {@code breakText} may use {@code {done}}, {@code {total}} and {@code {percent}}.
     * Left out of the JSON (and so of the hash) when absent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wording(String instructionsTitle, String nextPartTitle, String continueHint, String prompt,
                          String breakTitle, String breakText, String pauseTitle, String pauseText, String pauseHint,
                          String endTitle, String endText, String endHint, String correct, String wrong,
                          String tooSlow, String answerWas) {
    }

    public Factor factor(String name) {
        return factors.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("protocol " + id + " has no factor '" + name + "'"));
    }

    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The stimulus set the task draws from: the one it names, else the only one declared. */
    @JsonIgnore
    public StimulusSet taskStimulusSet() {
        String wanted = task.stimulusSet();
        if (wanted == null) {
            return stimulusSets.get(0);
        }
        return stimulusSets.stream().filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stimulus set '" + wanted + "'"));
    }

    /**
     * A stimulus set by name: a built-in set ({@code varied-faces}, {@code synthetic-faces}) or an image folder / manifest
     * path. {@code crop} says how a network sees its images ({@link NetworkCrop}); {@code mask} covers one face part of
     * every image of a built-in set ({@link #MASKS}), for people and networks alike. Both are left out of the JSON (and
     * of the protocol's hash) when not given, so protocols written before them keep their hash.
     */
    public record StimulusSet(String name, String path, String identity,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String crop,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String mask) {
        /** The face parts a built-in set can be shown with masked. */
        public static final List<String> MASKS = List.of("eyes", "nose", "mouth");

        public StimulusSet(String name, String path, String identity) {
            this(name, path, identity, null, null);
        }

        public StimulusSet(String name, String path, String identity, String crop) {
            this(name, path, identity, crop, null);
        }

        /** The crop networks are given: the one declared, else the face box. */
        @JsonIgnore
        public NetworkCrop networkCrop() {
            return crop == null ? NetworkCrop.FACE_BOX : NetworkCrop.parse(crop);
        }
    }

    /** An experimental factor; levels are kept as canonical text (numbers without trailing zeros). */
    public record Factor(String name, String unit, List<String> levels) {
        public Factor {
            levels = List.copyOf(levels);
        }
    }

    /**
     * A block of trials. Practice blocks give feedback by default and are left out of analyses.
     * {@code levels} restricts factors to a subset of their levels; {@code repetitions} overrides the protocol's.
     */
    public record Block(String name, boolean practice, Boolean feedback, Integer repetitions,
                        Map<String, List<String>> levels, String instructions) {
        public static final Block MAIN = new Block("main", false, false, null, Map.of(), null);

        public Block {
            levels = levels == null ? Map.of() : Map.copyOf(levels);
        }

        public boolean givesFeedback() {
            return feedback != null ? feedback : practice;
        }
    }

    /**
     * Trial order within each block: {@code random} (full random), {@code blocked} (grouped by the levels of {@code blockedBy},
     * groups in random order), or {@code fixed} (as declared). The run-length limits apply in every order but {@code fixed}.
     */
    public record Randomisation(String order, String blockedBy, Integer maxSameLevel, Integer maxSameAnswer) {
        public static final Randomisation FULL_RANDOM = new Randomisation("random", null, null, null);

        public Randomisation {
            // the schema lets "order" be left out (e.g. only run-length limits given): full random, as with no randomisation
            order = order == null ? "random" : order;
        }
    }

    /** A rest break is offered every {@code every} non-practice trials; 0 means never. */
    public record Breaks(int every) {
        public static final Breaks NONE = new Breaks(0);
    }

    /**
     * A named variation of the protocol, e.g. the 21 morph levels that networks answer where people see 7.
     * It replaces factor levels and the repetition count, and may leave the practice blocks out.
     */
    public record Variant(String name, String description, Map<String, List<String>> levels, Integer repetitions,
                          Boolean practice) {
        public Variant {
            levels = levels == null ? Map.of() : Map.copyOf(levels);
        }
    }
}
