package org.zhifa.api.disclosure;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Redaction before anything is public (D5, 政府信息公开条例 15, 37): resident ID numbers (18 digits with
 * a valid GB 11643 check digit, and the old 15 digits), mobile and landline numbers, bank accounts (also an
 * organisation's), detailed addresses, e-mail addresses, health data, and the names of natural persons
 * other than the party — from the case data and found in the text. Amounts, dates, areas, case numbers
 * and unified social credit codes stay.
 */
@ProviderType
public interface Redactor {

    Redaction redact(String text, RedactionContext context);
}
