package org.zhifa.api.cases;

import org.zhifa.api.kind.CaseFacts.PartyType;

/**
 * The party (当事人) of a case.
 *
 * @param idNumber for a person the 18-character resident ID (身份证号), for an organisation the
 *                 18-character unified social credit code (统一社会信用代码); both are check-digit validated
 * @param legalRep an organisation's legal representative (法定代表人), else null
 */
public record Party(PartyType type, String name, String idNumber, String legalRep, String phone, String address) {
}
