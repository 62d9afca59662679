package org.zhifa.api.catalogue;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/**
 * The pre-disclosure catalogues (D1), corrections (D7) and the filing package (D8). Reading needs a staff
 * role. Drafting, revising and submitting need 执法人员, 负责人 or 管理员; reviewing 法制审核人员 or 负责人, and
 * never by one of the version's authors; publishing and correcting 负责人 or 管理员. Every step appends a
 * record entry (object type {@code catalogue}, id {@code <TYPE>:<number>}) in the same transaction; nothing
 * is ever updated or deleted. Refusals are {@link org.zhifa.api.common.ZhifaException}s with a code.
 */
@ProviderType
public interface CatalogueService {

    /** Every version of {@code type}, newest first; null for all types. */
    List<CatalogueVersion> versions(CatalogueType type, Actor actor);

    Optional<CatalogueVersion> version(long id, Actor actor);

    /** The published version of {@code type} in force on {@code day} (today when null). */
    Optional<CatalogueVersion> inForce(CatalogueType type, LocalDate day, Actor actor);

    /** A new draft; the personnel list is generated from the register (active officers). */
    CatalogueVersion createDraft(CatalogueType type, CatalogueDraft draft, Actor actor);

    /**
     * Saves a DRAFT or RETURNED version's items as its next revision; {@code expectedRevision} &lt; 0 skips
     * the concurrency check. A generated catalogue is regenerated from the register.
     */
    CatalogueVersion revise(long id, CatalogueDraft draft, int expectedRevision, Actor actor);

    /** DRAFT or RETURNED → SUBMITTED. */
    CatalogueVersion submit(long id, Actor actor);

    /** SUBMITTED → REVIEWED ({@code passed}) or RETURNED; an opinion is required to return. */
    CatalogueVersion review(long id, boolean passed, String opinion, Actor actor);

    /**
     * REVIEWED → PUBLISHED, then handed to disclosure when that service is present (else later, when it
     * appears): the returned version's {@code disclosureItemId} says whether it has been.
     */
    CatalogueVersion publish(long id, Actor actor);

    /**
     * A correction on request (纠错, D7) of a PUBLISHED version: a new DRAFT with {@code draft}'s items
     * (the corrected version's when empty), the request recorded on both versions.
     */
    CatalogueVersion correct(long id, String request, CatalogueDraft draft, Actor actor);

    /** The version as a PDF (Chinese font embedded) or an XLSX workbook. */
    byte[] render(long id, RenderFormat format, Actor actor);

    /** The ids of the installed kinds, which each have a flowchart. */
    List<String> flowchartKinds(Actor actor);

    /** The 执法流程图 of an installed kind, generated from its declared procedure. */
    Flowchart flowchart(String kind, Flowchart.Format format, Actor actor);

    /**
     * Writes the filing package (备案) zip: every catalogue in force as PDF and XLSX, every installed kind's
     * flowchart as SVG and PNG, and {@code manifest.json} with each file's SHA-256. Flushes, does not close.
     */
    void filingPackage(OutputStream out, Actor actor);

    /** The formats of a rendered catalogue. */
    enum RenderFormat {
        PDF("application/pdf", "pdf"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String mediaType;
        private final String extension;

        RenderFormat(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() { return mediaType; }

        public String extension() { return extension; }
    }
}
