package org.zhifa.console.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerDraft;

/** Mutable form model of an {@link OfficerDraft}, for the Binder. */
final class OfficerBean {

    private String name = "";
    private String unit = "";
    private String post = "";
    private String certificateNo = "";
    private Set<String> categories = new LinkedHashSet<>();
    private String area = "";
    private LocalDate validFrom;
    private LocalDate validTo;
    private boolean legalQualification;

    static OfficerBean of(Officer o) {
        OfficerBean b = new OfficerBean();
        b.name = nz(o.name());
        b.unit = nz(o.unit());
        b.post = nz(o.post());
        b.certificateNo = nz(o.certificateNo());
        b.categories = new LinkedHashSet<>(o.categories());
        b.area = nz(o.area());
        b.validFrom = o.validFrom();
        b.validTo = o.validTo();
        b.legalQualification = o.legalQualification();
        return b;
    }

    /** The draft to submit; categories in the configured order, unknown ones last. */
    OfficerDraft toDraft(List<String> categoryOrder) {
        List<String> ordered = new ArrayList<>();
        categoryOrder.stream().filter(categories::contains).forEach(ordered::add);
        categories.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return new OfficerDraft(name.strip(), unit.strip(), blankToNull(post), certificateNo.strip(), ordered,
                blankToNull(area), validFrom, validTo, legalQualification);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = nz(name); }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = nz(unit); }
    public String getPost() { return post; }
    public void setPost(String post) { this.post = nz(post); }
    public String getCertificateNo() { return certificateNo; }
    public void setCertificateNo(String certificateNo) { this.certificateNo = nz(certificateNo); }
    public Set<String> getCategories() { return categories; }
    public void setCategories(Set<String> categories) {
        this.categories = categories == null ? new LinkedHashSet<>() : new LinkedHashSet<>(categories);
    }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = nz(area); }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public boolean isLegalQualification() { return legalQualification; }
    public void setLegalQualification(boolean legalQualification) { this.legalQualification = legalQualification; }
}
