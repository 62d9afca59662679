package org.zhifa.api.disclosure;

import java.util.List;

/**
 * What the redactor knows besides the text.
 *
 * @param partyName    the party (当事人): a natural person's name stays when the party is punished; an
 *                     organisation's name stays
 * @param partyPerson  the party is a natural person (its ID number, phone, address and accounts go)
 * @param knownNames   names of natural persons known from the case data other than the party (witnesses,
 *                     legal representatives, relatives…): always masked
 * @param keepNames    names that stay (the enforcement officers, whose names and certificates are public, D2)
 * @param extraMasks   strings the approver added: every occurrence is masked
 */
public record RedactionContext(String partyName, boolean partyPerson, List<String> knownNames,
                               List<String> keepNames, List<String> extraMasks) {
    public RedactionContext {
        knownNames = knownNames == null ? List.of() : List.copyOf(knownNames);
        keepNames = keepNames == null ? List.of() : List.copyOf(keepNames);
        extraMasks = extraMasks == null ? List.of() : List.copyOf(extraMasks);
    }
}
