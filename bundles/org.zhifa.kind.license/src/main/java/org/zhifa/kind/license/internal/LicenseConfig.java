package org.zhifa.kind.license.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Time limits of 行政许可; the defaults are the national values of the 行政许可法. Its art. 82 counts the
 * organ's periods in working days.
 */
@ObjectClassDefinition(id = "org.zhifa.kind.license", name = "zhifa kind: administrative licensing",
        description = "行政许可: time limits of acceptance, decision, extension, hearing and certificate")
public @interface LicenseConfig {

    @AttributeDefinition(name = "Acceptance working days", description = "受理, 不予受理 or 一次告知补正 within this many working days (许可法 32)")
    int acceptanceWorkingDays() default 5;

    @AttributeDefinition(name = "Decision working days", description = "许可决定 within this many working days of 受理 (许可法 42)")
    int decisionWorkingDays() default 20;

    @AttributeDefinition(name = "Extension working days", description = "once extendable by this many working days with the 负责人's approval (许可法 42)")
    int extensionWorkingDays() default 10;

    @AttributeDefinition(name = "Certificate working days", description = "许可证件 issued within this many working days of the decision (许可法 44)")
    int certificateWorkingDays() default 10;

    @AttributeDefinition(name = "Hearing request working days", description = "听证 requested within this many working days of being told of the right (许可法 47)")
    int hearingRequestWorkingDays() default 5;

    @AttributeDefinition(name = "Hearing organised working days", description = "听证 held within this many working days of the request (许可法 47)")
    int hearingOrganiseWorkingDays() default 20;

    @AttributeDefinition(name = "Hearing notice working days", description = "听证 notified at least this many working days ahead (许可法 48(1))")
    int hearingNoticeWorkingDays() default 7;

    @AttributeDefinition(name = "Reconsideration days", description = "The 复议 period a refusal must state, at least (行政复议法 20)")
    int reconsiderationDays() default 60;

    @AttributeDefinition(name = "Litigation months", description = "The 诉讼 period a refusal must state, at least (行政诉讼法 46)")
    int litigationMonths() default 6;

    @AttributeDefinition(name = "Hearing is major", description = "A licence decided after a hearing is a major decision (V1)")
    boolean majorOnHearing() default true;

    @AttributeDefinition(name = "Disclosure working days", description = "准予许可 decisions published within this many working days (许可法 40, D3)")
    int disclosureWorkingDays() default 7;
}
