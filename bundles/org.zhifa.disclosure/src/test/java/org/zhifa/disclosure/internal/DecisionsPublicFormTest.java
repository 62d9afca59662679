package org.zhifa.disclosure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.disclosure.internal.redact.TestData;

/**
 * The shared redaction cases through the whole public path (D5): each decision text entered as a paper
 * decision, approved by a 负责人, and read back as its public form — text, title, party and the PDF every
 * channel gets. No must_not_appear string may show in any of them, every must_appear string must show in
 * the text; a minor party's decision is withheld and never has a public form. Only the party is told:
 * witnesses and village heads are found in the text. (Written by the redaction helper beside the
 * service's own tests, since the fixture is package-private.)
 */
class DecisionsPublicFormTest {
    private static final Pattern CASE_NUMBER = Pattern.compile("^(\\S+〔\\d{4}〕\\d+号)");

    @Test
    void noPublicOutputOfTheSharedCasesLeaks() throws Exception {
        try (Fixture f = new Fixture("2026-09-30")) {
            for (TestData.Case c : TestData.cases()) {
                Matcher m = CASE_NUMBER.matcher(c.text());
                assertTrue(m.find(), c.id());
                DisclosureItem item = f.service.create(new ItemDraft(ItemType.DECISION, "penalty", "行政处罚决定书",
                        m.group(1), c.party(), c.person(), c.minor(), LocalDate.parse("2026-09-29"), c.text(), List.of(),
                        List.of()), Fixture.OFFICER);
                if (c.minor()) {
                    assertEquals(ItemStatus.WITHHELD, item.status(), c.id());
                    assertEquals("PARTY_MINOR", assertThrows(ZhifaException.class,
                            () -> f.service.approve(item.id(), List.of(), Fixture.LEADER)).code(), c.id());
                    assertEquals("PARTY_MINOR", assertThrows(ZhifaException.class,
                            () -> f.service.publicForm(item.id(), Fixture.LEADER)).code(), c.id());
                    continue;
                }
                f.service.approve(item.id(), List.of(), Fixture.LEADER);
                PublicItem p = f.service.publicForm(item.id(), Fixture.OFFICER);
                String pdf;
                try (PDDocument doc = Loader.loadPDF(p.pdf())) {
                    pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
                }
                String all = p.title() + "\n" + p.partyName() + "\n" + p.caseNumber() + "\n" + p.text();
                for (String gone : c.mustNotAppear()) {
                    assertFalse(all.contains(gone), () -> c.id() + ": «" + gone + "» is public in\n" + all);
                    assertFalse(pdf.contains(gone), () -> c.id() + ": «" + gone + "» is in the public PDF\n" + pdf);
                }
                for (String kept : c.mustAppear()) {
                    assertTrue(p.text().contains(kept), () -> c.id() + ": «" + kept + "» is missing from\n" + p.text());
                    assertTrue(pdf.contains(kept), () -> c.id() + ": «" + kept + "» is missing from the PDF\n" + pdf);
                }
            }
        }
    }
}
