package org.zhifa.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.zhifa.api.common.Actor;
import org.zhifa.console.spi.ConsoleView;

/**
 * The plug-in views currently registered, ordered by ranking (higher first, then older service
 * first). Thread-safe: DS binds from its own threads, browser sessions read from theirs.
 */
final class ViewRegistry {

    /** One registered view service. */
    record Entry(String id, ConsoleView view, int ranking, long serviceId) {
        boolean visibleTo(Actor actor) {
            Set<String> roles = view.roles();
            if (roles == null || roles.isEmpty()) {
                return actor.isStaff();
            }
            return roles.stream().anyMatch(actor::has);
        }
    }

    static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Adds a view; ids that are blank or not URL-safe are refused (returns false). */
    boolean add(Entry entry) {
        if (!validId(entry.id())) {
            return false;
        }
        synchronized (entries) {
            entries.removeIf(e -> e.serviceId() == entry.serviceId());
            entries.add(entry);
            entries.sort(ORDER);
        }
        fire();
        return true;
    }

    void remove(long serviceId) {
        boolean removed;
        synchronized (entries) {
            removed = entries.removeIf(e -> e.serviceId() == serviceId);
        }
        if (removed) {
            fire();
        }
    }

    /** The views in menu order; of two services with the same id the first in order wins. */
    List<Entry> snapshot() {
        Map<String, Entry> byId = new LinkedHashMap<>();
        synchronized (entries) {
            for (Entry e : entries) {
                byId.putIfAbsent(e.id(), e);
            }
        }
        return List.copyOf(byId.values());
    }

    List<Entry> visibleTo(Actor actor) {
        return snapshot().stream().filter(e -> e.visibleTo(actor)).toList();
    }

    Optional<Entry> find(String id, Actor actor) {
        return visibleTo(actor).stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Registers a change listener; it runs in the thread that changed the registry. */
    Runnable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // One broken session must not stop the others from being told.
                org.slf4j.LoggerFactory.getLogger(ViewRegistry.class).warn("menu listener failed", e);
            }
        }
    }

    static boolean validId(String id) {
        return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") && !id.equals(PersonnelView.ID);
    }

    static int ranking(Object value) {
        return value instanceof Integer i ? i : 0;
    }
}
