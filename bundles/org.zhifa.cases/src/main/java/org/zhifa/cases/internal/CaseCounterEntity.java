package org.zhifa.cases.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of CASE_COUNTER: the next case number of a bureau, kind and year (id BUREAU|KIND|YEAR). */
@Entity
@Table(name = "CASE_COUNTER")
public class CaseCounterEntity {
    @Id @Column(name = "ID") String id;
    @Column(name = "NEXT_NO", nullable = false) int next;
}
