package org.zhifa.bureau.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** Append-only row of OFFICER_HISTORY: one per change of a register entry. */
@Entity
@Table(name = "OFFICER_HISTORY")
public class OfficerHistoryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "officerHistorySeq")
    @SequenceGenerator(name = "officerHistorySeq", sequenceName = "OFFICER_HISTORY_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "BUREAU", nullable = false)
    String bureau;
    @Column(name = "OFFICER_ID", nullable = false)
    long officerId;
    @Column(name = "CHANGED_AT", nullable = false)
    Instant changedAt;
    @Column(name = "ACTOR", nullable = false)
    String actor;
    @Column(name = "ACTION", nullable = false)
    String action;
    @Column(name = "REASON")
    String reason;
    @Lob
    @Column(name = "SNAPSHOT", nullable = false)
    String snapshot;
}
