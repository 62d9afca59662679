package org.zhifa.cases.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** Row of CASE_TIMER: a legal time limit started by event STARTED_SEQ; MET_ON set when it stops. */
@Entity
@Table(name = "CASE_TIMER")
public class CaseTimerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseRowSeq")
    @SequenceGenerator(name = "caseRowSeq", sequenceName = "CASE_ROW_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "BUREAU", nullable = false) String bureau;
    @Column(name = "CASE_ID", nullable = false) long caseId;
    @Column(name = "RULE_ID", nullable = false) String rule;
    @Column(name = "TITLE_ZH", nullable = false) String titleZh;
    @Column(name = "TITLE_EN", nullable = false) String titleEn;
    @Column(name = "BASIS", nullable = false) String basis;
    @Column(name = "STARTED_ON", nullable = false) LocalDate startedOn;
    @Column(name = "DUE_ON", nullable = false) LocalDate dueOn;
    @Column(name = "MET_ON") LocalDate metOn;
    @Column(name = "STARTED_SEQ", nullable = false) int startedSeq;
}
