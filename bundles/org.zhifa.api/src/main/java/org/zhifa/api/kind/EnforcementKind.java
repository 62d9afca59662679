package org.zhifa.api.kind;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One enforcement kind (执法类型 of T1: 许可、处罚、强制、征收、收费、检查), contributed by its plug-in bundle as an OSGi service with the
 * property {@link #PROPERTY_KIND}. The case engine collects these dynamically: a kind whose bundle is
 * gone is hidden, and its cases stay readable but cannot move until the bundle is back.
 *
 * <p>Documents: a step's {@link Step#documents()} name templates that the kind's bundle ships as
 * {@code OSGI-INF/documents/<id>.json}.
 */
@ConsumerType
public interface EnforcementKind {

    /** Service property: the kind id, e.g. {@code penalty}; equals {@link #id()}. */
    String PROPERTY_KIND = "zhifa.kind";

    /** URL-safe id, e.g. {@code penalty}. */
    String id();

    /** The kind's name, e.g. 行政处罚 / Administrative penalty. */
    String title(Locale locale);

    /** The character of the kind in case numbers, e.g. 罚 in 衡国土资罚〔2026〕12号. */
    String numberCode();

    /** Steps, transitions, fields, timers and documents of the kind's procedure. */
    Procedure procedure();

    /**
     * The kind's legal checks of a transition the engine has already found allowed by the procedure,
     * with the submitted fields validated against their definitions. Throw a
     * {@link org.zhifa.api.common.ZhifaException} of kind CONFLICT (or INVALID for a field) whose
     * message names the article of law, e.g. a heavier penalty after 陈述申辩 (处罚法 45).
     */
    default void check(TransitionCheck check) {
    }

    /**
     * Why the case's decision is a major one by the kind's own configuration, in Chinese: empty when the
     * kind sees nothing major. The kind's checks may use it (e.g. 集体讨论 for a major penalty); the
     * legal-review catalogue counts it where a rule of type {@code KIND_REASONS} says so.
     */
    default List<String> majorReasons(CaseFacts facts) {
        return List.of();
    }

    /**
     * Whether taking {@code transition} makes a decision (行政执法决定) that the legal-review gate (V2)
     * guards. By default: every transition into a step whose decision is disclosed.
     *
     * @since 1.2
     */
    default boolean decides(Transition transition) {
        return disclosures().stream().anyMatch(d -> d.step().equals(transition.to()));
    }

    /**
     * What the decision of {@code facts} (the case with the decision's fields already applied) decides,
     * for the legal-review catalogue (V1).
     *
     * @since 1.2
     */
    default DecisionFacts decisionFacts(CaseFacts facts) {
        return DecisionFacts.NONE;
    }

    /** When and what the kind's decisions publish (D3). */
    DisclosureRule disclosure();

    /**
     * Every disclosure of the kind when it publishes more than one decision (e.g. a 查封扣押决定 and a
     * 强制执行决定), each due from entering its own step; the first is {@link #disclosure()}.
     *
     * @since 1.1
     */
    default List<DisclosureRule> disclosures() {
        return List.of(disclosure());
    }
}
