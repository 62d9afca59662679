package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;

import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.shared.data.sort.SortDirection;
import com.vaadin.ui.Component;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HasComponents;

/** The register view against a 100 000-row register that records what it was asked. */
class PersonnelViewTest {

    static final long ROWS = 100_000;

    static final class BigRegister implements PersonnelService {
        final List<OfficerQuery> queries = new ArrayList<>();

        @Override
        public Page<Officer> list(OfficerQuery q, Actor actor) {
            queries.add(q);
            if (q.limit() > OfficerQuery.MAX_LIMIT) {
                throw new IllegalArgumentException("limit over " + OfficerQuery.MAX_LIMIT);
            }
            List<Officer> items = LongStream.range(q.offset(), Math.min(ROWS, (long) q.offset() + q.limit()))
                    .mapToObj(BigRegister::officer).toList();
            return new Page<>(items, ROWS, q.offset(), q.limit());
        }

        static Officer officer(long id) {
            return new Officer(id, "430421", "人员" + id, "执法大队", null, "HN-" + id, List.of("土地"), "全县",
                    LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1), false, true, CertificateStatus.VALID, 1,
                    Instant.EPOCH, "demo", Instant.EPOCH, "demo");
        }

        @Override
        public long count(OfficerQuery q, Actor actor) {
            queries.add(q);
            return ROWS;
        }

        @Override
        public long probe() {
            return ROWS;
        }

        @Override
        public List<String> units(Actor actor) {
            return List.of("执法大队", "矿管股");
        }

        @Override
        public List<String> categories() {
            return List.of("土地", "矿产");
        }

        @Override
        public Officer create(OfficerDraft draft, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Officer update(long id, OfficerDraft draft, long expectedVersion, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Officer deactivate(long id, String reason, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Officer> find(long id, Actor actor) {
            return Optional.of(officer(id));
        }

        @Override
        public ImportResult importCsv(Path file, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PublicCertificate> lookupCertificate(String certificateNo) {
            return Optional.empty();
        }

        @Override
        public List<OfficerChange> history(long id, Actor actor) {
            return List.of();
        }
    }

    static Set<String> ids(Component c) {
        Set<String> ids = new HashSet<>();
        if (c.getId() != null) {
            ids.add(c.getId());
        }
        if (c instanceof HasComponents hc) {
            hc.forEach(child -> ids.addAll(ids(child)));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    static Grid<Officer> grid(PersonnelView view) {
        return (Grid<Officer>) find(view, "personnel-grid");
    }

    static Component find(Component c, String id) {
        if (id.equals(c.getId())) {
            return c;
        }
        if (c instanceof HasComponents hc) {
            for (Component child : hc) {
                Component found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void fetchesOnlyTheRequestedRowsInServicePages() {
        BigRegister register = new BigRegister();
        PersonnelView view = new PersonnelView(register, new Actor("officer", Set.of(Roles.OFFICER)),
                Messages.of(Messages.ZH));
        DataProvider<Officer, ?> provider = grid(view).getDataProvider();
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataProvider<Officer, Object> p = (DataProvider) provider;

        assertEquals(ROWS, p.size(new Query<>()));
        List<QuerySortOrder> sort = List.of(new QuerySortOrder("validTo", SortDirection.DESCENDING));
        List<Officer> tail = p.fetch(new Query<>(99_950, 80, sort, null, null)).collect(Collectors.toList());
        assertEquals(50, tail.size());
        assertEquals(99_950, tail.get(0).id());

        List<Officer> big = p.fetch(new Query<>(1_000, 1_200, List.of(), null, null)).toList();
        assertEquals(1_200, big.size());
        assertTrue(register.queries.stream().allMatch(q -> q.limit() <= OfficerQuery.MAX_LIMIT));
        long rowsAsked = register.queries.stream().mapToLong(OfficerQuery::limit).sum();
        assertTrue(rowsAsked < 2_000, "asked for " + rowsAsked + " rows");
        assertTrue(register.queries.stream().anyMatch(q -> q.sort().equals("validTo") && !q.ascending()));
    }

    @Test
    void adminsGetWriteButtonsOthersDoNot() {
        BigRegister register = new BigRegister();
        Set<String> officerIds = ids(new PersonnelView(register, new Actor("officer", Set.of(Roles.OFFICER)),
                Messages.of(Messages.ZH)));
        Set<String> adminIds = ids(new PersonnelView(register, new Actor("admin", Set.of(Roles.ADMIN)),
                Messages.of(Messages.ZH)));
        for (String id : List.of("personnel-grid", "personnel-search")) {
            assertTrue(officerIds.contains(id), id);
            assertTrue(adminIds.contains(id), id);
        }
        for (String id : List.of("personnel-add", "personnel-edit", "personnel-deactivate")) {
            assertFalse(officerIds.contains(id), id);
            assertTrue(adminIds.contains(id), id);
        }
    }

    @Test
    void formHasTheAgreedIds() {
        OfficerForm form = new OfficerForm(new BigRegister(), new Actor("admin", Set.of(Roles.ADMIN)),
                Messages.of(Messages.ZH), null, o -> { });
        assertTrue(ids(form).containsAll(Stream.of("name", "unit", "post", "certificate", "categories", "area",
                "valid-from", "valid-to", "legal", "save", "cancel").map(s -> "officer-" + s).toList()));
    }
}
