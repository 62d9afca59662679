package org.zhifa.api.casefile;

import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/**
 * Case-file export and completeness. Needs a staff role. Refusals are ZhifaExceptions: NOT_FOUND for an
 * unknown case, FORBIDDEN, UNAVAILABLE when a part the export needs is not installed.
 */
@ProviderType
public interface CaseFileService {

    /**
     * Checks that the case can be exported by {@code actor} and returns the archive's file name
     * ({@code <case number>.zip}, safe for a Content-Disposition header). Call it before a response starts.
     */
    String fileName(long caseId, Actor actor);

    /**
     * Streams the case file as a zip into {@code out} (not closed) and appends a {@code casefile.exported}
     * record entry whose payload names the hash of the archive's file list.
     */
    void export(long caseId, OutputStream out, Actor actor);

    /** What the case file lacks against its kind's standard (R6). */
    Completeness completeness(long caseId, Actor actor);
}
