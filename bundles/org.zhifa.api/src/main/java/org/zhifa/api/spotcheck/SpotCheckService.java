package org.zhifa.api.spotcheck;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;

/**
 * 双随机、一公开 (S1–S4). Reading needs a staff role; the pools and plans are kept by 负责人 and 管理员; a
 * conflict is declared (as the inspector reports it) by a 负责人 or a 管理员; draws are announced, drawn and
 * redrawn by a 负责人 or a 管理员. Every change appends a record entry (object type {@code spotcheck}) in the same
 * transaction; nothing is updated or deleted in place. Refusals are
 * {@link org.zhifa.api.common.ZhifaException}s with a code.
 */
@ProviderType
public interface SpotCheckService {

    // --- the target pool (检查对象名录库) ---

    Page<InspectionTarget> targets(TargetFilter filter, boolean includeInactive, int offset, int limit, Actor actor);

    Optional<InspectionTarget> target(long id, Actor actor);

    InspectionTarget addTarget(TargetDraft draft, Actor actor);

    /** A new revision; {@code expectedRevision} guards against a lost update. */
    InspectionTarget reviseTarget(long id, TargetDraft draft, int expectedRevision, Actor actor);

    InspectionTarget deactivateTarget(long id, String reason, Actor actor);

    /**
     * Imports targets from a CSV (UTF-8 or GBK, detected) or XLSX file with the columns 名称, 统一社会信用代码,
     * 类型, 所属区域, 风险等级, 标签: all rows or none. A row whose credit code is already in the pool revises
     * that target.
     */
    TargetImport importTargets(InputStream file, String fileName, Actor actor);

    // --- the inspector pool (执法检查人员名录库) ---

    /** The inspectors on {@code day} (today when null), in the pool's canonical order (officer id). */
    List<Inspector> inspectors(LocalDate day, Actor actor);

    List<ConflictDeclaration> conflicts(Long officerId, Long targetId, Actor actor);

    ConflictDeclaration declareConflict(long officerId, long targetId, String reason, Actor actor);

    ConflictDeclaration endConflict(long id, String reason, Actor actor);

    // --- plans ---

    List<Plan> plans(Actor actor);

    Optional<Plan> plan(long id, Actor actor);

    /** The item must be listed in the given published 随机抽查事项清单 version. */
    Plan createPlan(PlanDraft draft, Actor actor);

    // --- draws ---

    List<Draw> draws(long planId, Actor actor);

    Optional<Draw> draw(long id, Actor actor);

    /**
     * Announces a draw: its public sources (labels only; their values do not exist yet) or that it will use
     * a secure random source. The announcement is recorded and published (a disclosure notice) before the
     * draw; a plan has at most one announced draw at a time. When disclosure is installed, the announcement,
     * the result and a redraw's reason are each published as a notice (公告) by the same 负责人.
     */
    Draw announce(long planId, Draw.SeedMode mode, List<SeedSource> sources, Actor actor);

    /**
     * Makes an announced draw: the sources' values (as many lists as announced sources, in their order;
     * ignored for SECURE_RANDOM), the pools snapshotted, {@link DrawAlgorithm#shortages} checked, the draw run,
     * everything written to the record and stored, an inspection case opened for each drawn target with its
     * inspectors — all in one transaction — and only then the result returned.
     */
    Draw make(long drawId, List<List<String>> sourceValues, Actor actor);

    /**
     * Announces a redraw of a DRAWN draw (an inspector left, a target closed, a mistake in the pool): a new
     * draw of the same plan that supersedes it once made; {@code reason} is required and published.
     */
    Draw announceRedraw(long drawId, String reason, Draw.SeedMode mode, List<SeedSource> sources, Actor actor);

    /** Re-runs a draw from the record and the stored snapshots (also {@code zhifa:draw-verify}). */
    DrawVerification verify(long drawId, Actor actor);

    /**
     * Writes the draw file: a JSON document with everything needed to re-run the draw anywhere (the record
     * entry with its inclusion proof, the snapshots, the sources and their values, the algorithm), which the
     * offline verifier checks ({@code java -jar zhifa-verify.jar draw.json}). No login needed: a drawn draw
     * is public, its snapshots carry no personal data beyond names and credit codes.
     */
    void drawFile(long drawId, OutputStream out);

    // --- results ---

    /**
     * Every target of a DRAWN draw with its inspection case and, once recorded, its result and publication.
     * Cases the draw could not open at once (a refusal of the case engine) are opened here, each a new
     * record entry; what still refuses is reported in {@link InspectionOutcome#caseProblem()}.
     */
    List<InspectionOutcome> outcomes(long drawId, Actor actor);

    /**
     * Records the result of inspecting a drawn target: the {@code record_result} step of its inspection case,
     * which must have had its on-site inspection ({@code onsite}). The case engine hands the result to
     * disclosure in the same transaction, due {@code publishWorkingDays} working days after {@code endedOn}.
     * Needs one of the case's officers, a 负责人 or a 管理员.
     */
    InspectionOutcome recordOutcome(long drawId, long targetId, LocalDate endedOn, InspectionOutcome.Finding finding,
                                    String summary, Actor actor);
}
