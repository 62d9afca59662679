package org.zhifa.cases.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Transient;

/** Row of CASE_EVENT: one entry of a case's timeline, never updated or deleted. */
@Entity
@Table(name = "CASE_EVENT")
public class CaseEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseRowSeq")
    @SequenceGenerator(name = "caseRowSeq", sequenceName = "CASE_ROW_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "BUREAU", nullable = false) String bureau;
    @Column(name = "CASE_ID", nullable = false) long caseId;
    @Column(name = "SEQ", nullable = false) int seq;
    @Column(name = "TYPE", nullable = false) String type;
    @Column(name = "TRANSITION") String transition;
    @Column(name = "FROM_STEP") String fromStep;
    @Column(name = "TO_STEP") String toStep;
    @Column(name = "TITLE_ZH", nullable = false) String titleZh;
    @Column(name = "TITLE_EN", nullable = false) String titleEn;
    @Column(name = "ACTOR", nullable = false) String actor;
    @Column(name = "OCCURRED_AT", nullable = false) Instant at;
    @Column(name = "REASON") String reason;
    /** What the record entry of this event says beyond the columns above; not stored here. */
    @Transient Payload facts = new Payload();
    /** Hashes of the evidence the event's record entry covers; not stored here. */
    @Transient java.util.List<String> evidence = java.util.List.of();
    /** For a transition into a disclosed step: the kind's rule of that step (the decision listeners are told). */
    @Transient org.zhifa.api.kind.DisclosureRule disclosed;
    /** The gate judged this event's decision major. */
    @Transient boolean major;
}
