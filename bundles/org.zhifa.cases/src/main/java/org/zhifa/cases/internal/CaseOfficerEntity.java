package org.zhifa.cases.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** Row of CASE_OFFICER: an assignment made by event ASSIGNED_SEQ, ended by event REMOVED_SEQ. */
@Entity
@Table(name = "CASE_OFFICER")
public class CaseOfficerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseRowSeq")
    @SequenceGenerator(name = "caseRowSeq", sequenceName = "CASE_ROW_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "CASE_ID", nullable = false) long caseId;
    @Column(name = "OFFICER_ID", nullable = false) long officerId;
    @Column(name = "ASSIGNED_SEQ", nullable = false) int assignedSeq;
    @Column(name = "REMOVED_SEQ") Integer removedSeq;
}
