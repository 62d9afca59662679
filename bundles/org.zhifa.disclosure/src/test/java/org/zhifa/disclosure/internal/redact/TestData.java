package org.zhifa.disclosure.internal.redact;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared redaction cases (../shared/testdata/redaction/decisions.json beside the repository). */
final class TestData {
    private static final Pattern PARTY = Pattern.compile("当事人：([^，,\\n]+)");

    record Case(String id, boolean person, boolean minor, String text, String party,
                List<String> mustNotAppear, List<String> mustAppear) {
        @Override
        public String toString() {
            return id;
        }
    }

    private TestData() {
    }

    /** From the module folder the shared folder is three levels up, beside the checkout. */
    static Path file() {
        Path p = Path.of("../../../shared/testdata/redaction/decisions.json").toAbsolutePath().normalize();
        if (!Files.isReadable(p)) {
            fail("the shared redaction test data is missing: expected " + p
                    + " (the checkout must sit beside ../shared, as /work/main beside /work/shared)");
        }
        return p;
    }

    static List<Case> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(file().toFile());
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String text = c.get("text").asText();
            Matcher m = PARTY.matcher(text);
            if (!m.find()) {
                fail(c.get("id").asText() + " names no 当事人");
            }
            out.add(new Case(c.get("id").asText(), "natural_person".equals(c.get("party_type").asText()),
                    c.get("party_is_minor").asBoolean(), text, m.group(1).strip(),
                    strings(c.get("must_not_appear")), strings(c.get("must_appear"))));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
