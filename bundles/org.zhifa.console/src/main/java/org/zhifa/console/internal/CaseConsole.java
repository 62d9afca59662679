package org.zhifa.console.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HashMap;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.console.spi.CaseSection;

/**
 * What the case screens of one browser session use; {@code templates} finds a document template by id
 * (empty while the document engine is not installed); {@code sections} are the plug-ins' case-page
 * sections now, by id.
 */
record CaseConsole(CaseService cases, PersonnelService personnel, WorkingDays workingDays, int dueSoonWorkingDays,
                   ZoneId zone, Function<String, Optional<DocumentTemplate>> templates,
                   Supplier<List<Map.Entry<String, CaseSection>>> sections, RecordService record,
                   Supplier<LegalReviewService> review) {

    CaseConsole(CaseService cases, PersonnelService personnel, WorkingDays workingDays, int dueSoonWorkingDays,
                ZoneId zone, Function<String, Optional<DocumentTemplate>> templates,
                Supplier<List<Map.Entry<String, CaseSection>>> sections, RecordService record) {
        this(cases, personnel, workingDays, dueSoonWorkingDays, zone, templates, sections, record, () -> null);
    }

    CaseConsole(CaseService cases, PersonnelService personnel, WorkingDays workingDays, int dueSoonWorkingDays,
                ZoneId zone, Function<String, Optional<DocumentTemplate>> templates,
                Supplier<List<Map.Entry<String, CaseSection>>> sections) {
        this(cases, personnel, workingDays, dueSoonWorkingDays, zone, templates, sections, null);
    }

    CaseConsole(CaseService cases, PersonnelService personnel, WorkingDays workingDays, int dueSoonWorkingDays,
                ZoneId zone) {
        this(cases, personnel, workingDays, dueSoonWorkingDays, zone, id -> Optional.empty());
    }

    CaseConsole(CaseService cases, PersonnelService personnel, WorkingDays workingDays, int dueSoonWorkingDays,
                ZoneId zone, Function<String, Optional<DocumentTemplate>> templates) {
        this(cases, personnel, workingDays, dueSoonWorkingDays, zone, templates, List::of);
    }

    /**
     * The case's current decision draft when it drafts {@code transition}; empty without legal review
     * installed, without a draft, or when the draft is of another transition.
     */
    Optional<DecisionDraft> currentDraft(long caseId, String transition, Actor actor) {
        LegalReviewService r = review.get();
        if (r == null) {
            return Optional.empty();
        }
        try {
            return r.drafts(caseId, actor).stream().filter(DecisionDraft::current)
                    .filter(d -> d.transition().equals(transition)).findFirst();
        } catch (org.zhifa.api.common.ZhifaException e) {
            return Optional.empty();
        }
    }

    private static final Pattern EVENT = Pattern.compile("\"event\":(\\d+)");

    /**
     * The case's record entries by the timeline event they record (the payload's top-level
     * {@code event}, the first such key of its canonical, key-sorted JSON); empty without a record.
     */
    Map<Integer, RecordEntry> recordByEvent(long caseId, Actor actor) {
        Map<Integer, RecordEntry> out = new HashMap<>();
        if (record == null) {
            return out;
        }
        for (RecordEntry e : record.entries("case", Long.toString(caseId), 0, 1000, actor).items()) {
            Matcher m = EVENT.matcher(e.payload());
            if (e.entryType().startsWith("case.") && m.find()) {
                out.putIfAbsent(Integer.parseInt(m.group(1)), e);
            }
        }
        return out;
    }

    /** A document's name, e.g. 行政处罚决定书; its id when no template of that id is known. */
    String documentTitle(String id, Locale locale) {
        return templates.apply(id).map(t -> t.title(locale)).orElse(id);
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    /** How close a due day is: overdue (red), due within the configured working days (amber), else normal. */
    Due due(LocalDate dueOn) {
        if (dueOn == null) {
            return Due.NONE;
        }
        LocalDate today = today();
        if (dueOn.isBefore(today)) {
            return Due.OVERDUE;
        }
        return workingDays.between(today, dueOn) <= dueSoonWorkingDays ? Due.SOON : Due.NORMAL;
    }

    enum Due {
        NONE(null), NORMAL("zhifa-due-normal"), SOON("zhifa-due-soon"), OVERDUE("zhifa-due-overdue");

        final String style;

        Due(String style) {
            this.style = style;
        }
    }
}
