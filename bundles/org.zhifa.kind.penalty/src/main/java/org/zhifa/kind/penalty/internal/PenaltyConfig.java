package org.zhifa.kind.penalty.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Time limits and thresholds of 行政处罚 a province may vary; the defaults are the national values of
 * the 行政处罚法 (2021). Amounts are in 元.
 */
@ObjectClassDefinition(id = "org.zhifa.kind.penalty", name = "zhifa kind: administrative penalty",
        description = "行政处罚: time limits, thresholds of the simple procedure and of major decisions")
public @interface PenaltyConfig {

    @AttributeDefinition(name = "Decision days", description = "处罚决定 within this many calendar days of 立案 (处罚法 60)")
    int decisionDays() default 90;

    @AttributeDefinition(name = "Service working days", description = "送达 within this many working days of the decision (处罚法 61, 85)")
    int serviceWorkingDays() default 7;

    @AttributeDefinition(name = "Hearing request working days", description = "听证 to be requested within this many working days of 告知 (处罚法 64(1))")
    int hearingRequestWorkingDays() default 5;

    @AttributeDefinition(name = "Hearing notice working days", description = "听证 notified at least this many working days ahead (处罚法 64(2))")
    int hearingNoticeWorkingDays() default 7;

    @AttributeDefinition(name = "Preservation working days", description = "先行登记保存 disposed of within this many working days (处罚法 56)")
    int preservationWorkingDays() default 7;

    @AttributeDefinition(name = "Payment days", description = "罚款 paid within this many calendar days of service (处罚法 67)")
    int paymentDays() default 15;

    @AttributeDefinition(name = "Surcharge percent per day", description = "加处罚款 per day late, capped at the fine (处罚法 72)")
    String surchargePercentPerDay() default "3";

    @AttributeDefinition(name = "Simple procedure fine limit, person", description = "当场处罚 fine limit for a citizen (处罚法 51)")
    String simpleFineLimitPerson() default "200";

    @AttributeDefinition(name = "Simple procedure fine limit, organisation", description = "当场处罚 fine limit for an organisation (处罚法 51)")
    String simpleFineLimitOrganisation() default "3000";

    @AttributeDefinition(name = "Major fine, person", description = "A fine of at least this much on a citizen is a major decision (V1)")
    String majorFinePerson() default "10000";

    @AttributeDefinition(name = "Major fine, organisation", description = "A fine of at least this much on an organisation is a major decision (V1)")
    String majorFineOrganisation() default "100000";

    @AttributeDefinition(name = "Suspension is major", description = "责令停产停业 / 责令关闭 is a major decision (V1)")
    boolean majorOnSuspension() default true;

    @AttributeDefinition(name = "Revocation is major", description = "吊销许可证件 is a major decision (V1)")
    boolean majorOnRevocation() default true;

    @AttributeDefinition(name = "Hearing is major", description = "A case that went through a hearing is a major decision (V1; 处罚法 58(1)2)")
    boolean majorOnHearing() default true;

    @AttributeDefinition(name = "Major decisions need 集体讨论", description = "A major decision is made after collective discussion (处罚法 57 para 2)")
    boolean discussionForMajor() default true;

    @AttributeDefinition(name = "Reconsideration days", description = "The 复议 period a decision must state, at least (行政复议法 20)")
    int reconsiderationDays() default 60;

    @AttributeDefinition(name = "Litigation months", description = "The 诉讼 period a decision must state, at least (行政诉讼法 46)")
    int litigationMonths() default 6;

    @AttributeDefinition(name = "Disclosure working days", description = "Decisions published within this many working days (D3)")
    int disclosureWorkingDays() default 7;
}
