package org.zhifa.bureau.internal;

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

/** Row of table OFFICER. Categories are stored as |a|b| so a category filter is an exact LIKE. */
@Entity
@Table(name = "OFFICER")
public class OfficerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "officerSeq")
    @SequenceGenerator(name = "officerSeq", sequenceName = "OFFICER_SEQ", allocationSize = 50)
    @Column(name = "ID")
    Long id;
    @Column(name = "BUREAU", nullable = false)
    String bureau;
    @Column(name = "NAME", nullable = false)
    String name;
    @Column(name = "UNIT", nullable = false)
    String unit;
    @Column(name = "POST")
    String post;
    @Column(name = "CERTIFICATE_NO", nullable = false)
    String certificateNo;
    @Column(name = "CATEGORIES", nullable = false)
    String categories;
    @Column(name = "AREA", nullable = false)
    String area;
    @Column(name = "VALID_FROM", nullable = false)
    LocalDate validFrom;
    @Column(name = "VALID_TO", nullable = false)
    LocalDate validTo;
    @Column(name = "LEGAL_QUALIFICATION", nullable = false)
    boolean legalQualification;
    @Column(name = "ACTIVE", nullable = false)
    boolean active;
    @Version
    @Column(name = "VERSION", nullable = false)
    long version;
    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;
    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;
    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;
    @Column(name = "UPDATED_BY", nullable = false)
    String updatedBy;
}
