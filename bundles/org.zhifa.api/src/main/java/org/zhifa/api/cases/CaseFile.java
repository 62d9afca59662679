package org.zhifa.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case with everything the console and REST show of it.
 *
 * @param kindInstalled false when the kind's bundle is gone: the case is then read-only
 * @param fields        the latest value of every field recorded so far
 */
public record CaseFile(long id, String bureau, String number, String kind, String kindTitleZh, String kindTitleEn,
                       String category, String title, Party party, boolean minor, boolean simple,
                       String step, String stepTitleZh, String stepTitleEn, CaseStatus status,
                       LocalDate filedOn, List<AssignedOfficer> officers, List<CaseTimer> timers,
                       List<Recusal> recusals, List<CaseEvent> events, Map<String, String> fields,
                       boolean kindInstalled, long version, Instant createdAt, String createdBy) {
    public CaseFile {
        officers = List.copyOf(officers);
        timers = List.copyOf(timers);
        recusals = List.copyOf(recusals);
        events = List.copyOf(events);
        fields = Map.copyOf(fields);
    }
}
