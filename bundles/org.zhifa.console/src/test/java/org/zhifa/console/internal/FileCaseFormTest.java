package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts.PartyType;

import com.vaadin.ui.Button;

/** The 立案 form: ids, the kind's filing fields, 简易程序 only where the kind has it, nothing sent while incomplete. */
class FileCaseFormTest {

    @Test
    void theFormCarriesTheKindsFilingFieldsAndItsSimpleProcedure() {
        FakeCases cases = new FakeCases();
        FileCaseForm form = new FileCaseForm(CaseViewsTest.console(cases), CaseViewsTest.OFFICER, CaseViewsTest.ZH,
                cases.kinds(), filed -> { });
        Set<String> ids = PersonnelViewTest.ids(form);
        for (String id : List.of("case-file-form", "case-kind", "case-category", "case-title", "case-simple",
                "party-type", "party-name", "party-id-number", "party-legal-rep", "party-phone", "party-address",
                "case-officer-pick", "case-officers", "case-filing-fields", "field-cause", "case-file-save",
                "case-file-cancel")) {
            assertTrue(ids.contains(id), id);
        }
        // the only kind is chosen, and it has a simple procedure
        assertTrue(form.simple.isVisible());
        assertFalse(form.legalRep.isVisible());
        form.partyType.setValue(PartyType.ORGANISATION);
        assertTrue(form.legalRep.isVisible());

        // nothing filled: marked, nothing filed
        ((Button) PersonnelViewTest.find(form, "case-file-save")).click();
        assertNotNull(form.title.getComponentError());
        assertNotNull(form.partyName.getComponentError());
        assertNotNull(((com.vaadin.ui.AbstractComponent) PersonnelViewTest.find(form, "field-cause")).getComponentError());
    }
}
