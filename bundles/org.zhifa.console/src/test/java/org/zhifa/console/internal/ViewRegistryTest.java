package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

import com.vaadin.ui.Component;

class ViewRegistryTest {

    private static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    private static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN, Roles.OFFICER));

    private static ConsoleView view(Set<String> roles) {
        return new ConsoleView() {
            @Override
            public String title(Locale locale) {
                return "t";
            }

            @Override
            public Set<String> roles() {
                return roles;
            }

            @Override
            public Component create(ConsoleContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static List<String> ids(List<ViewRegistry.Entry> entries) {
        return entries.stream().map(ViewRegistry.Entry::id).toList();
    }

    @Test
    void ordersByRankingThenServiceId() {
        ViewRegistry r = new ViewRegistry();
        r.add(new ViewRegistry.Entry("b", view(Set.of()), 0, 5));
        r.add(new ViewRegistry.Entry("a", view(Set.of()), 0, 3));
        r.add(new ViewRegistry.Entry("top", view(Set.of()), 100, 9));
        r.add(new ViewRegistry.Entry("low", view(Set.of()), -5, 1));
        assertEquals(List.of("top", "a", "b", "low"), ids(r.snapshot()));
    }

    @Test
    void filtersByRole() {
        ViewRegistry r = new ViewRegistry();
        r.add(new ViewRegistry.Entry("all", view(Set.of()), 0, 1));
        r.add(new ViewRegistry.Entry("admin", view(Set.of(Roles.ADMIN)), 0, 2));
        r.add(new ViewRegistry.Entry("review", view(Set.of(Roles.REVIEWER, Roles.LEADER)), 0, 3));
        assertEquals(List.of("all"), ids(r.visibleTo(OFFICER)));
        assertEquals(List.of("all", "admin"), ids(r.visibleTo(ADMIN)));
        assertTrue(r.find("admin", OFFICER).isEmpty());
        assertTrue(r.find("admin", ADMIN).isPresent());
        // Empty roles = any staff, not anybody.
        assertEquals(List.of(), ids(r.visibleTo(new Actor("guest", Set.of("viewer")))));
    }

    @Test
    void removalAndListeners() {
        ViewRegistry r = new ViewRegistry();
        AtomicInteger calls = new AtomicInteger();
        Runnable unregister = r.addListener(calls::incrementAndGet);
        r.add(new ViewRegistry.Entry("x", view(Set.of()), 0, 7));
        r.remove(7);
        r.remove(7);
        assertEquals(2, calls.get(), "add and the one real removal");
        assertEquals(List.of(), r.snapshot());
        unregister.run();
        assertEquals(0, r.listenerCount());
        r.add(new ViewRegistry.Entry("y", view(Set.of()), 0, 8));
        assertEquals(2, calls.get());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        ViewRegistry r = new ViewRegistry();
        AtomicInteger calls = new AtomicInteger();
        r.addListener(() -> {
            throw new IllegalStateException("closed session");
        });
        r.addListener(calls::incrementAndGet);
        r.add(new ViewRegistry.Entry("x", view(Set.of()), 0, 1));
        assertEquals(1, calls.get());
    }

    @Test
    void sameIdTwiceShowsTheHigherRankedOnly() {
        ViewRegistry r = new ViewRegistry();
        ConsoleView low = view(Set.of());
        ConsoleView high = view(Set.of());
        r.add(new ViewRegistry.Entry("cal", low, 0, 1));
        r.add(new ViewRegistry.Entry("cal", high, 10, 2));
        assertEquals(1, r.snapshot().size());
        assertTrue(r.snapshot().get(0).view() == high);
        r.remove(2);
        assertTrue(r.snapshot().get(0).view() == low);
    }

    @Test
    void refusesIdsThatAreNotUrlSafeOrTaken() {
        ViewRegistry r = new ViewRegistry();
        assertFalse(r.add(new ViewRegistry.Entry(null, view(Set.of()), 0, 1)));
        assertFalse(r.add(new ViewRegistry.Entry("", view(Set.of()), 0, 2)));
        assertFalse(r.add(new ViewRegistry.Entry("a/b", view(Set.of()), 0, 3)));
        assertFalse(r.add(new ViewRegistry.Entry("日历", view(Set.of()), 0, 4)));
        assertFalse(r.add(new ViewRegistry.Entry(PersonnelView.ID, view(Set.of()), 0, 5)));
        assertTrue(r.add(new ViewRegistry.Entry("calendar-2.x_y", view(Set.of()), 0, 6)));
        assertEquals(1, r.snapshot().size());
    }

    @Test
    void rankingProperty() {
        assertEquals(0, ViewRegistry.ranking(null));
        assertEquals(0, ViewRegistry.ranking("5"));
        assertEquals(5, ViewRegistry.ranking(5));
    }
}
