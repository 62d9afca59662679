package org.zhifa.calendar.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One saved version of a year's schedule: who, when, from which source, what changed. Never updated. */
@Entity
@Table(name = "CALENDAR_REVISION")
public class RevisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;
    @Column(name = "BUREAU", nullable = false, length = 20)
    private String bureau;
    @Column(name = "CAL_YEAR", nullable = false)
    private int year;
    @Column(name = "REVISION", nullable = false)
    private int revision;
    @Column(name = "SOURCE", length = 500)
    private String source;
    @Column(name = "SUMMARY", length = 4000)
    private String summary;
    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;
    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    protected RevisionEntity() {}

    RevisionEntity(String bureau, int year, int revision, String source, String summary, String changedBy,
            Instant changedAt) {
        this.bureau = bureau;
        this.year = year;
        this.revision = revision;
        this.source = source;
        this.summary = summary;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    Long id() { return id; }
    String bureau() { return bureau; }
    int year() { return year; }
    int revision() { return revision; }
    String source() { return source; }
    String summary() { return summary; }
    String changedBy() { return changedBy; }
    Instant changedAt() { return changedAt; }
}
