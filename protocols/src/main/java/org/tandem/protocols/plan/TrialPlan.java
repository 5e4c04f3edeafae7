package org.tandem.protocols.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.tandem.protocols.CanonicalJson;

/**
 * The ordered trials of one session: a pure function of (protocol, variant, seed), stored with the session so that a resumed
 * session, a model simulation and a re-analysis all see the very same trials.
 */
@JsonPropertyOrder({"format", "protocol", "protocolSha256", "variant", "seed", "trials"})
public record TrialPlan(String format, String protocol, String protocolSha256, String variant, long seed, List<Trial> trials) {
    public static final String FORMAT = "tandem-plan/1";

    public TrialPlan {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(protocolSha256, "protocolSha256");
        trials = List.copyOf(trials);
    }

    public TrialPlan(String protocol, String protocolSha256, String variant, long seed, List<Trial> trials) {
        this(FORMAT, protocol, protocolSha256, variant, seed, trials);
    }

    /** The canonical bytes of the plan: identical on every machine for the same protocol and seed. */
    public String toJson() {
        return CanonicalJson.pretty(this);
    }

    /** Writes {@link #toJson()} without holding the whole text at once. */
    public void writeJson(Writer out) throws IOException {
        CanonicalJson.writePretty(this, out);
    }

    /** SHA-256 of {@link #toJson()}, stored with every session (hashed as written, so a large plan is not copied). */
    @JsonIgnore
    public String sha256() {
        return CanonicalJson.prettySha256(this);
    }

    @JsonIgnore
    public int size() {
        return trials.size();
    }

    public Trial trial(int index) {
        return trials.get(index);
    }

    public static TrialPlan fromJson(String json) {
        try {
            TrialPlan plan = CanonicalJson.mapper().readValue(json, TrialPlan.class);
            if (!FORMAT.equals(plan.format())) {
                throw new IllegalArgumentException("unknown plan format '" + plan.format() + "', expected " + FORMAT);
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored plan is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
