package org.zhifa.cases.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CASE_FILE: the case's current state, a projection of its events. */
@Entity
@Table(name = "CASE_FILE")
public class CaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseSeq")
    @SequenceGenerator(name = "caseSeq", sequenceName = "CASE_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "BUREAU", nullable = false) String bureau;
    @Column(name = "NUMBER", nullable = false) String number;
    @Column(name = "KIND", nullable = false) String kind;
    @Column(name = "KIND_TITLE_ZH", nullable = false) String kindTitleZh;
    @Column(name = "KIND_TITLE_EN", nullable = false) String kindTitleEn;
    @Column(name = "CATEGORY", nullable = false) String category;
    @Column(name = "TITLE", nullable = false) String title;
    @Column(name = "PARTY_TYPE", nullable = false) String partyType;
    @Column(name = "PARTY_NAME", nullable = false) String partyName;
    @Column(name = "PARTY_ID_NUMBER") String partyIdNumber;
    @Column(name = "PARTY_LEGAL_REP") String partyLegalRep;
    @Column(name = "PARTY_PHONE") String partyPhone;
    @Column(name = "PARTY_ADDRESS") String partyAddress;
    @Column(name = "MINOR", nullable = false) boolean minor;
    @Column(name = "SIMPLE", nullable = false) boolean simple;
    @Column(name = "STEP", nullable = false) String step;
    @Column(name = "STEP_TITLE_ZH", nullable = false) String stepTitleZh;
    @Column(name = "STEP_TITLE_EN", nullable = false) String stepTitleEn;
    @Column(name = "STATUS", nullable = false) String status;
    @Column(name = "FILED_ON", nullable = false) LocalDate filedOn;
    @Column(name = "NEXT_DUE") LocalDate nextDue;
    @Column(name = "EVENT_COUNT", nullable = false) int eventCount;
    @Version @Column(name = "VERSION", nullable = false) long version;
    @Column(name = "CREATED_AT", nullable = false) Instant createdAt;
    @Column(name = "CREATED_BY", nullable = false) String createdBy;
}
