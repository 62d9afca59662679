package org.zhifa.disclosure.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Disclosure settings. Besides these, the configuration holds two families of keys (see {@link Settings}):
 * {@code deadline.<TYPE>[.<kind>]} — working days to publish a hand-made item (a case decision takes its
 * kind's own rule) — and {@code posting.<kind>.<ordinary|major>}, {@code posting.<kind>},
 * {@code posting.<TYPE>}, {@code posting.default} — the posting period in days (0 = no end, D6).
 */
@ObjectClassDefinition(name = "zhifa disclosure (公示)")
public @interface DisclosureConfig {

    String PID = "org.zhifa.disclosure";

    @AttributeDefinition(name = "Warning working days", description = "Items due within this many working days are flagged 'due soon' (D3)")
    int warningWorkingDays() default 2;

    @AttributeDefinition(name = "Withdrawal working days", description = "A requested withdrawal is due within this many working days (处罚法 48, D4)")
    int withdrawalWorkingDays() default 3;

    @AttributeDefinition(name = "Retry base seconds", description = "First back-off of a failed delivery; doubled on every further failure")
    int retryBaseSeconds() default 10;

    @AttributeDefinition(name = "Retry cap seconds", description = "Longest back-off between two attempts")
    int retryCapSeconds() default 3600;

    @AttributeDefinition(name = "Alarm minutes", description = "An outbox entry waiting longer than this raises the alarm")
    int alarmMinutes() default 60;

    @AttributeDefinition(name = "Poll milliseconds", description = "How often the outbox worker looks for entries due again (it also wakes at once on a new entry)")
    int pollMillis() default 1000;

    @AttributeDefinition(name = "Expiry time", description = "Local time of the daily run that withdraws items whose posting period ended (D6)")
    String expireAt() default "01:30";

    @AttributeDefinition(name = "Longest text", description = "Characters an item's text may have")
    int maxTextChars() default 100000;

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: what 'today' is")
    String zone() default "Asia/Shanghai";
}
