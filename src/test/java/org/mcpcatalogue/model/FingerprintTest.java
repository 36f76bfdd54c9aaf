package org.mcpcatalogue.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

class FingerprintTest {

    /**
     * Expected values computed outside the project: SHA-256 (Python's hashlib) of the canonical JSON written by
     * hand, members sorted, no white space.
     */
    @Test
    void matchesAnIndependentComputation() {
        Json.Obj schema = (Json.Obj) JsonText.parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
        Annotations readOnly = new Annotations(Optional.empty(), Hint.TRUE, Hint.ABSENT, Hint.ABSENT, Hint.ABSENT);
        assertEquals("sha256:19b5684b188fa6a0b64f1e68dce53e417b1aad07b9ea8eafac6c469dccb3f0af",
                Fingerprint.of("get_item", "Get an item.", schema, readOnly));
        assertEquals("sha256:7f8b8b57f59ff156d141f9c2ddbd44a97815238737bad661b098fbeb5c461b37",
                Fingerprint.of("get_item", "Get an item.", (Json.Obj) JsonText.parse("{\"type\":\"object\"}"), Annotations.NONE));
    }

    @Test
    void memberOrderDoesNotMatterButEveryValueDoes() {
        Json.Obj a = (Json.Obj) JsonText.parse("{\"type\":\"object\",\"required\":[\"x\"],\"properties\":{\"x\":{\"type\":\"string\"}}}");
        Json.Obj b = (Json.Obj) JsonText.parse("{\"properties\":{\"x\":{\"type\":\"string\"}},\"required\":[\"x\"],\"type\":\"object\"}");
        Json.Obj c = (Json.Obj) JsonText.parse("{\"properties\":{\"x\":{\"type\":\"string\",\"description\":\"now with a hint\"}},\"required\":[\"x\"],\"type\":\"object\"}");
        assertEquals(Fingerprint.of("t", "d", a, Annotations.NONE), Fingerprint.of("t", "d", b, Annotations.NONE));
        assertNotEquals(Fingerprint.of("t", "d", a, Annotations.NONE), Fingerprint.of("t", "d", c, Annotations.NONE));
        assertNotEquals(Fingerprint.of("t", "d", a, Annotations.NONE), Fingerprint.of("t", "d.", a, Annotations.NONE));
    }
}
