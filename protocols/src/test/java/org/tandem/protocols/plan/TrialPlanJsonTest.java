package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.ProtocolReader;

/** A plan's hash and JSON are written as a stream, yet are exactly those of its canonical text, whatever the characters. */
class TrialPlanJsonTest {

    @Test
    void theStreamedHashAndTextAreThoseOfTheCanonicalText() throws Exception {
        TrialPlan plan = Planner.plan(ProtocolReader.read("""
                {"format": "tandem-protocol/1", "id": "names", "title": "Names beyond ASCII",
                 "stimulusSets": [{"name": "faces", "path": "faces"}],
                 "task": {"kind": "classification", "labels": [{"label": "joie", "key": "J", "expression": "happy"},
                          {"label": "tristesse", "key": "T", "expression": "sad"}]},
                 "factors": [{"name": "identity", "levels": ["Zoë", "王芳", "tab\\there", "😀"]},
                             {"name": "expression", "levels": ["happy", "sad"]}],
                 "repetitions": 2, "timing": {"stimulus": {"ms": 500}}}
                """, "names.json"), 5);
        String text = plan.toJson();
        assertThat(text).contains("Zoë", "王芳", "tab\\there", "😀");
        assertThat(plan.sha256()).isEqualTo(CanonicalJson.sha256(text));
        StringWriter written = new StringWriter();
        plan.writeJson(written);
        assertThat(written.toString()).isEqualTo(text);
    }
}
