package org.zhifa.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.Actor;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;

/**
 * Administrator edits, one revision per save; rows are only ever inserted, and each revision's
 * {@code calendar.revised} record entry is appended last in the same transaction. Resource-local units
 * support only {@link TransactionType#Required}, reads included.
 */
final class CalendarStore {

    private final JpaTemplate jpa;
    private final String bureau;
    private final RecordService record;

    CalendarStore(JpaTemplate jpa, String bureau, RecordService record) {
        this.jpa = jpa;
        this.bureau = bureau;
        this.record = record;
    }

    /** The schedule in force per edited year: its latest revision. */
    Map<Integer, YearSchedule> latest() {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<RevisionEntity> revisions = em.createQuery(
                    "select r from RevisionEntity r where r.bureau = :b order by r.year, r.revision",
                    RevisionEntity.class).setParameter("b", bureau).getResultList();
            Map<Integer, RevisionEntity> last = new TreeMap<>();
            revisions.forEach(r -> last.put(r.year(), r));
            Map<Integer, YearSchedule> out = new TreeMap<>();
            if (last.isEmpty()) {
                return out;
            }
            Map<Long, RevisionEntity> byId = new HashMap<>();
            last.values().forEach(r -> byId.put(r.id(), r));
            Map<Long, Map<LocalDate, String>> holidays = new HashMap<>();
            Map<Long, Set<LocalDate>> working = new HashMap<>();
            em.createQuery("select d from DayEntity d where d.bureau = :b and d.revisionId in :ids", DayEntity.class)
                    .setParameter("b", bureau).setParameter("ids", byId.keySet()).getResultList()
                    .forEach(d -> {
                        if (DayEntity.HOLIDAY.equals(d.kind())) {
                            holidays.computeIfAbsent(d.revisionId(), k -> new TreeMap<>()).put(d.date(), d.name());
                        } else {
                            working.computeIfAbsent(d.revisionId(), k -> new TreeSet<>()).add(d.date());
                        }
                    });
            byId.forEach((id, r) -> out.put(r.year(), new YearSchedule(r.year(),
                    holidays.getOrDefault(id, Map.of()), working.getOrDefault(id, Set.of()), r.source())));
            return out;
        });
    }

    /** Stores a new revision of the year; returns its number. */
    int save(YearSchedule s, Actor actor, Instant at, String summary) {
        String user = actor.user();
        return jpa.txExpr(TransactionType.Required, em -> {
            Integer max = em.createQuery(
                    "select max(r.revision) from RevisionEntity r where r.bureau = :b and r.year = :y", Integer.class)
                    .setParameter("b", bureau).setParameter("y", s.year()).getSingleResult();
            int revision = max == null ? 1 : max + 1;
            RevisionEntity r = new RevisionEntity(bureau, s.year(), revision, s.source(), summary, user, at);
            em.persist(r);
            em.flush();
            s.holidays().forEach((d, name) -> em.persist(new DayEntity(bureau, r.id(), d, DayEntity.HOLIDAY, name)));
            s.workingDays().forEach(d -> em.persist(new DayEntity(bureau, r.id(), d, DayEntity.WORKING, null)));
            em.flush();
            EntryDraft entry = EntryDraft.of("calendar", Integer.toString(s.year()), null, "calendar.revised",
                    payload(s, revision, summary));
            em.unwrap(org.hibernate.Session.class).doReturningWork(conn -> record.append(conn, entry, actor));
            return revision;
        });
    }

    /** The revision as the record states it: the whole year, so the entry alone says what was in force. */
    private static String payload(YearSchedule s, int revision, String summary) {
        StringBuilder b = new StringBuilder(2048);
        b.append("{\"holidays\":{");
        String sep = "";
        for (Map.Entry<LocalDate, String> h : new TreeMap<>(s.holidays()).entrySet()) {
            b.append(sep);
            CanonicalJson.string(b, h.getKey().toString());
            b.append(':');
            CanonicalJson.string(b, h.getValue());
            sep = ",";
        }
        b.append("},\"revision\":").append(revision).append(",\"source\":");
        CanonicalJson.string(b, s.source());
        b.append(",\"summary\":");
        CanonicalJson.string(b, summary);
        b.append(",\"workingDays\":[");
        sep = "";
        for (LocalDate d : new TreeSet<>(s.workingDays())) {
            b.append(sep);
            CanonicalJson.string(b, d.toString());
            sep = ",";
        }
        return b.append("],\"year\":").append(s.year()).append('}').toString();
    }

    List<CalendarHistory.Change> history(int year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<CalendarHistory.Change> out = new ArrayList<>();
            em.createQuery("select r from RevisionEntity r where r.bureau = :b and r.year = :y order by r.revision",
                    RevisionEntity.class).setParameter("b", bureau).setParameter("y", year).getResultList()
                    .forEach(r -> out.add(new CalendarHistory.Change(r.year(), r.revision(), r.source(), r.summary(),
                            r.changedBy(), r.changedAt())));
            return out;
        });
    }
}
