package org.zhifa.cases.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** Row of CASE_RECUSAL: a recusal (回避) request; the decision columns are filled once. */
@Entity
@Table(name = "CASE_RECUSAL")
public class RecusalEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseRowSeq")
    @SequenceGenerator(name = "caseRowSeq", sequenceName = "CASE_ROW_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "CASE_ID", nullable = false) long caseId;
    @Column(name = "OFFICER_ID", nullable = false) long officerId;
    @Column(name = "OFFICER_NAME", nullable = false) String officerName;
    @Column(name = "REQUESTED_BY", nullable = false) String requestedBy;
    @Column(name = "REASON", nullable = false) String reason;
    @Column(name = "REQUESTED_AT", nullable = false) Instant requestedAt;
    @Column(name = "REQUEST_ACTOR", nullable = false) String requestActor;
    @Column(name = "APPROVED") Boolean approved;
    @Column(name = "DECISION_REASON") String decisionReason;
    @Column(name = "DECIDED_AT") Instant decidedAt;
    @Column(name = "DECISION_ACTOR") String decisionActor;
}
