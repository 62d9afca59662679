package org.zhifa.api.disclosure;

/**
 * One redacted span of a text: characters {@code [start, end)} of the original are replaced by
 * {@code replacement}.
 *
 * @param category ID_NUMBER, PHONE, BANK_ACCOUNT, ADDRESS, EMAIL, HEALTH, NAME or MANUAL (added by the approver)
 */
public record Mask(int start, int end, String category, String replacement) {
}
