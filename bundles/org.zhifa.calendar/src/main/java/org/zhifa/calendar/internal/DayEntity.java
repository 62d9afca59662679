package org.zhifa.calendar.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A holiday (kind H, with its festival) or an adjusted working day (kind W) of one revision. */
@Entity
@Table(name = "CALENDAR_DAY")
public class DayEntity {
    static final String HOLIDAY = "H";
    static final String WORKING = "W";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;
    @Column(name = "BUREAU", nullable = false, length = 20)
    private String bureau;
    @Column(name = "REVISION_ID", nullable = false)
    private long revisionId;
    @Column(name = "CAL_DATE", nullable = false)
    private LocalDate date;
    @Column(name = "KIND", nullable = false, length = 1)
    private String kind;
    @Column(name = "NAME", length = 100)
    private String name;

    protected DayEntity() {}

    DayEntity(String bureau, long revisionId, LocalDate date, String kind, String name) {
        this.bureau = bureau;
        this.revisionId = revisionId;
        this.date = date;
        this.kind = kind;
        this.name = name;
    }

    long revisionId() { return revisionId; }
    LocalDate date() { return date; }
    String kind() { return kind; }
    String name() { return name; }
}
