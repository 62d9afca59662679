package org.zhifa.channel.city.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the channel last did with the city, per stream (items, tree heads, statistics): last attempt,
 * last success, last error and the alarm. Held in memory: after a restart the first scheduled push
 * finds the same answer again, so a refused head raises its alarm again within minutes.
 */
final class PushStatus {
    enum Stream { ITEMS, TREE_HEADS, STATISTICS }

    /** One stream's state; {@code alarm} holds until the next success of that stream. */
    static final class Track {
        Instant lastAttempt;
        Instant lastSuccess;
        Instant lastErrorAt;
        String lastError;
        String alarm;
        String alarmCode;
        Instant alarmSince;
        String detail;

        Map<String, Object> map() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lastAttempt", lastAttempt);
            m.put("lastSuccess", lastSuccess);
            m.put("lastErrorAt", lastErrorAt);
            m.put("lastError", lastError);
            m.put("alarm", alarm != null);
            m.put("alarmCode", alarmCode);
            m.put("alarmMessage", alarm);
            m.put("alarmSince", alarmSince);
            m.put("detail", detail);
            return m;
        }
    }

    private final Map<Stream, Track> tracks = new LinkedHashMap<>();

    PushStatus() {
        for (Stream s : Stream.values()) {
            tracks.put(s, new Track());
        }
    }

    synchronized void attempt(Stream s, Instant at) {
        tracks.get(s).lastAttempt = at;
    }

    synchronized void success(Stream s, Instant at, String detail) {
        Track t = tracks.get(s);
        t.lastSuccess = at;
        t.alarm = null;
        t.alarmCode = null;
        t.alarmSince = null;
        if (detail != null) {
            t.detail = detail;
        }
    }

    /** A failure worth retrying: recorded, no alarm. */
    synchronized void error(Stream s, Instant at, String message) {
        Track t = tracks.get(s);
        t.lastErrorAt = at;
        t.lastError = message;
    }

    /** A failure the bureau must act on. */
    synchronized void alarm(Stream s, Instant at, String code, String message) {
        Track t = tracks.get(s);
        t.lastErrorAt = at;
        t.lastError = message;
        if (t.alarm == null) {
            t.alarmSince = at;
        }
        t.alarm = message;
        t.alarmCode = code;
    }

    synchronized boolean failing(Stream s) {
        Track t = tracks.get(s);
        return t.lastErrorAt != null && (t.lastSuccess == null || t.lastErrorAt.isAfter(t.lastSuccess));
    }

    /** The alarm of tree heads or statistics (items raise theirs in the outbox), or null. */
    synchronized String scheduledAlarm() {
        Track h = tracks.get(Stream.TREE_HEADS);
        if (h.alarm != null) {
            return h.alarmCode;
        }
        Track st = tracks.get(Stream.STATISTICS);
        return st.alarm == null ? null : st.alarmCode;
    }

    synchronized boolean alarm() {
        return tracks.values().stream().anyMatch(t -> t.alarm != null);
    }

    synchronized Map<String, Object> map() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarm", alarm());
        for (Map.Entry<Stream, Track> e : tracks.entrySet()) {
            m.put(switch (e.getKey()) {
                case ITEMS -> "items";
                case TREE_HEADS -> "treeHeads";
                case STATISTICS -> "statistics";
            }, e.getValue().map());
        }
        return m;
    }
}
