package org.zhifa.city.internal;

import java.time.Instant;
import java.time.LocalDate;

/** What the city holds, as read back from its tables. */
final class Model {
    private Model() {}

    /** A county's registration in force (its highest revision). */
    record County(String code, int revision, String name, String tokenSha256, String certSha256, String publicKeyPem,
                  boolean active, Instant changedAt, String changedBy) {}

    /** A tree head as received; status ACCEPTED, FORGED, FORK or STALE. */
    record Head(long id, String county, String bureau, long treeSize, String timestamp, String rootHash,
                String hashAlgorithm, String keyId, String signature, String status, String problem,
                Instant receivedAt) {}

    /** An alarm, with its acknowledgement when an administrator gave one. */
    record Alarm(long id, String county, String kind, long treeHeadId, String message, Instant raisedAt,
                 String ackBy, String ackReason, Instant ackAt) {
        boolean open() {
            return ackAt == null;
        }
    }

    /** One stored item version, without its files. */
    record Item(long id, String county, String countyName, String publicId, int version, String type, String kind,
                String kindTitle, String title, String caseNumber, String party, LocalDate decidedOn,
                Instant publishedAt, LocalDate postUntil, String bureauName, boolean hasPdf, Instant receivedAt) {}

    /** A takedown with the item's title as the city last had it. */
    record Takedown(String county, String countyName, String publicId, int version, String title, String caseNumber,
                    String ground, String reason, Instant withdrawnAt) {}

    /** One row of the statistics table: the newest body of a county and month, one kind. */
    record StatRow(String county, String countyName, String month, String kind, String kindTitle, long filed,
                   long decided, long disclosed, long withdrawn) {}

    /** A county on the public overview: registration, latest accepted head, open alarms. */
    record CountyState(County county, Head latest, int openAlarms) {}
}
