package org.zhifa.cases.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** Row of CASE_EVENT_FIELD: a field value recorded with event SEQ of a case; never updated. */
@Entity
@Table(name = "CASE_EVENT_FIELD")
public class CaseFieldEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseRowSeq")
    @SequenceGenerator(name = "caseRowSeq", sequenceName = "CASE_ROW_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "CASE_ID", nullable = false) long caseId;
    @Column(name = "SEQ", nullable = false) int seq;
    @Column(name = "NAME", nullable = false) String name;
    @Column(name = "VAL", nullable = false) String value;
}
