package org.zhifa.api.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhifa.api.common.Actor;

/**
 * A part a plug-in adds to a case's exported case file (案卷), e.g. the legal review's record and its
 * 法制审核 document (V6). Register an implementation as an OSGi service with {@link #PROPERTY_PART} = the
 * part's folder name (ASCII letters, digits, '-'); the export writes each of its files to
 * {@code parts/<part>/<name>}, lists and hashes them in the manifest like every other file, and adds the
 * record entries of {@link #recordObjects} to the archive's log slice.
 *
 * @since 1.1
 */
@ConsumerType
public interface CaseFilePart {

    /** Service property: the part's folder name, e.g. {@code legal-review}. */
    String PROPERTY_PART = "zhifa.casefile.part";

    /** Writes one file into the archive (streamed; do not close {@code out}). */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * One file of the part.
     *
     * @param name    the file name: ASCII letters, digits, '.', '-', '_', e.g. {@code legal-review.json}
     * @param titleZh what the index calls it, e.g. 法制审核记录
     */
    record PartFile(String name, String titleZh, String titleEn, Content content) {}

    /** A record object (type and id) whose entries belong in the case's log slice. */
    record RecordObject(String type, String id) {}

    /**
     * The part's files for the case, in order; empty when the case has nothing of the part. Read with
     * {@code actor}'s rights and refuse like the plug-in's own reads.
     */
    List<PartFile> files(long caseId, Actor actor);

    /** Record objects other than the case itself whose entries the case file must carry. */
    default List<RecordObject> recordObjects(long caseId, Actor actor) {
        return List.of();
    }
}
