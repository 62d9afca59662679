package org.zhifa.api.personnel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;

/**
 * The enforcement personnel register (行政执法人员清单, T4, D1). Reading needs a staff role, writing
 * needs 管理员; every write is attributed to its actor and kept in the history.
 * Refusals are {@link org.zhifa.api.common.ZhifaException}s.
 */
@ProviderType
public interface PersonnelService {

    Officer create(OfficerDraft draft, Actor actor);

    /** Replaces the editable fields; {@code expectedVersion} &lt; 0 skips the concurrency check. */
    Officer update(long id, OfficerDraft draft, long expectedVersion, Actor actor);

    /** Deactivates (注销); the entry and its history stay. */
    Officer deactivate(long id, String reason, Actor actor);

    Optional<Officer> find(long id, Actor actor);

    Page<Officer> list(OfficerQuery query, Actor actor);

    long count(OfficerQuery query, Actor actor);

    /** Distinct units, for filters. */
    List<String> units(Actor actor);

    /** The configured enforcement categories (执法类别). */
    List<String> categories();

    /** All-or-nothing import of a CSV file in UTF-8 or GBK; a bad row is reported by line number. */
    ImportResult importCsv(Path file, Actor actor);

    /** Public certificate lookup (D2): no login; empty for unknown or deactivated numbers. */
    Optional<PublicCertificate> lookupCertificate(String certificateNo);

    /**
     * Counts the active officers in the database itself, never from what reads remember: the health
     * checks' proof that the database answers. Needs no role (it reveals a number only).
     */
    long probe();

    /** History of an officer, oldest first: one line per change. */
    List<OfficerChange> history(long id, Actor actor);
}
