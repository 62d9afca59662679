package org.zhifa.api.evidence;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.kind.AvRule;

/**
 * The evidence store (R2). Content is streamed and hashed on the way in, stored once per hash under the
 * data folder and never overwritten; every upload, interruption and purge appends a record entry.
 * Uploading needs 执法人员 or 负责人; reading needs a staff role. Refusals are ZhifaExceptions
 * (INVALID for a bad draft or an oversize upload, NOT_FOUND, CONFLICT).
 */
@ProviderType
public interface EvidenceService {

    /** Stores a whole upload, streamed; refused beyond the configured size limit (default 2 GiB). */
    EvidenceItem store(EvidenceDraft draft, InputStream content, Actor actor);

    UploadSession startUpload(EvidenceDraft draft, long totalSize, Actor actor);

    /** Appends a chunk at {@code offset}, which must equal the bytes received so far. */
    UploadSession appendChunk(String uploadId, long offset, InputStream chunk, Actor actor);

    Optional<UploadSession> upload(String uploadId, Actor actor);

    /** Completes an upload; refused if {@code expectedHash} is given and differs from the content's hash. */
    EvidenceItem finishUpload(String uploadId, String expectedHash, Actor actor);

    Optional<EvidenceItem> find(long id, Actor actor);

    List<EvidenceItem> ofCase(long caseId, Actor actor);

    /**
     * Copies bytes {@code from}..{@code to} inclusive of the item's content (HTTP Range semantics; to = -1
     * for the end). NOT_FOUND if purged or missing.
     */
    void copy(long id, long from, long to, OutputStream out, Actor actor);

    AvInterruption recordInterruption(long caseId, String step, Instant from, Instant to, String reason, Actor actor);

    List<AvInterruption> interruptions(long caseId, Actor actor);

    /** Whether the step's A/V rule is met by the case's evidence so far. */
    AvCoverage coverage(long caseId, String step, AvRule rule);

    // the device register (执法记录仪台账)

    List<Device> devices(boolean includeRetired, Actor actor);

    Optional<Device> device(String id, Actor actor);

    /** Registers or changes a device (a new revision); needs 管理员. */
    Device saveDevice(Device device, Actor actor);

    List<Device> deviceHistory(String id, Actor actor);
}
