package org.zhifa.disclosure.internal.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.RedactionContext;

/**
 * Every shared case: no must_not_appear string in the redacted text, every must_appear string in it.
 * Only the party is told; witnesses and village heads must be found in the text. A minor party's case
 * is never published online (the disclosure service refuses it); were its text ever shown, the party's
 * name would be among the names masked, which is how it is tested here.
 */
class DecisionsRedactionTest {
    private final RedactorImpl redactor = new RedactorImpl();

    static List<TestData.Case> cases() throws IOException {
        return TestData.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hidesWhatMustGoAndKeepsWhatMustStay(TestData.Case c) {
        RedactionContext context = c.minor()
                ? new RedactionContext(null, true, List.of(c.party()), List.of(), List.of())
                : new RedactionContext(c.party(), c.person(), List.of(), List.of(), List.of());
        Redaction r = redactor.redact(c.text(), context);
        for (String gone : c.mustNotAppear()) {
            assertFalse(r.redacted().contains(gone), () -> c.id() + ": «" + gone + "» still shows in\n" + r.redacted());
        }
        for (String kept : c.mustAppear()) {
            assertTrue(r.redacted().contains(kept), () -> c.id() + ": «" + kept + "» is gone from\n" + r.redacted());
        }
        assertMasksDescribe(r);
    }

    /** The masks are sorted, disjoint, and replaying them on the original gives the redacted text. */
    static void assertMasksDescribe(Redaction r) {
        StringBuilder replay = new StringBuilder();
        int at = 0;
        for (Mask m : r.masks()) {
            assertTrue(m.start() >= at && m.end() > m.start(), () -> "masks overlap or go backwards: " + r.masks());
            replay.append(r.original(), at, m.start()).append(m.replacement());
            at = m.end();
        }
        replay.append(r.original().substring(at));
        assertEquals(r.redacted(), replay.toString());
    }
}
