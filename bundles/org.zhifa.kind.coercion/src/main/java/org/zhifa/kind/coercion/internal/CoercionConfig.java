package org.zhifa.kind.coercion.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The legal values of 行政强制法 a province or bureau may read differently; defaults are national law. */
@ObjectClassDefinition(id = "org.zhifa.kind.coercion", name = "zhifa kind: administrative coercion (行政强制)",
        description = "Time limits and the night and holiday rule of 行政强制法")
public @interface CoercionConfig {

    /** Which days 行政强制法 43 bars besides nights. */
    enum RestDays {
        /** Every day the calendar does not work: weekends and public holidays (adjusted working Saturdays are worked). */
        ALL_REST_DAYS,
        /** Only published public holidays (法定节假日), weekends allowed: the strict reading. */
        PUBLIC_HOLIDAYS_ONLY
    }

    @AttributeDefinition(name = "Night starts", description = "行政强制法 43: no execution at night; HH:mm")
    String nightStart() default "22:00";

    @AttributeDefinition(name = "Night ends", description = "行政强制法 43; HH:mm, exclusive")
    String nightEnd() default "06:00";

    @AttributeDefinition(name = "Barred days", description = "行政强制法 43 法定节假日: ALL_REST_DAYS or PUBLIC_HOLIDAYS_ONLY")
    RestDays restDays() default RestDays.ALL_REST_DAYS;

    @AttributeDefinition(name = "Seizure term (days)", description = "行政强制法 25: 查封、扣押的期限不得超过三十日")
    int seizureTermDays() default 30;

    @AttributeDefinition(name = "Seizure extension (days)", description = "行政强制法 25: 延长期限不得超过三十日")
    int seizureExtensionDays() default 30;

    @AttributeDefinition(name = "Court: days after the demand", description = "行政强制法 54: 催告书送达十日后")
    int courtWaitDays() default 10;

    @AttributeDefinition(name = "Court: months to apply", description = "行政强制法 53: 自期限届满之日起三个月内")
    int courtApplicationMonths() default 3;

    @AttributeDefinition(name = "Review period (days)", description = "行政复议法 20: 知道之日起六十日内")
    int reviewPeriodDays() default 60;

    @AttributeDefinition(name = "Suit period (months)", description = "行政诉讼法 46: 知道之日起六个月内")
    int suitPeriodMonths() default 6;

    @AttributeDefinition(name = "Officers executing", description = "Officers on a case while it executes (行政强制法 18 for measures; practice for execution)")
    int executionMinOfficers() default 2;

    @AttributeDefinition(name = "Major amount (yuan)", description = "V1: an amount to enforce at or above this is a major decision")
    String majorAmount() default "100000";

    @AttributeDefinition(name = "Disclosure (working days)", description = "D3: decisions published within this many working days")
    int disclosureWorkingDays() default 20;

    @AttributeDefinition(name = "A/V required", description = "R4 音像记录事项清单: step ids needing an audio/video record, comma separated")
    String avRequired() default "executing";

    @AttributeDefinition(name = "A/V uninterrupted", description = "R4: step ids needing uninterrupted full-process audio/video, comma separated")
    String avUninterrupted() default "seizing,demolishing";
}
