package org.zhifa.legalreview.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.CatalogueRule;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.MajorEvaluation.Reason;

/** The catalogue's verdict on one decision (V1), explained rule by rule; pure, so each rule is tested alone. */
final class Evaluator {

    /** What the catalogue looks at of a decision. */
    record Subject(String kind, PartyType partyType, boolean simple, DecisionFacts facts, Set<CaseFlag> flags,
                   List<String> kindReasons) {}

    private Evaluator() {}

    static MajorEvaluation evaluate(Catalogue catalogue, Subject s) {
        List<Reason> reasons = new ArrayList<>();
        for (CatalogueRule r : catalogue.rules()) {
            if (r.kind() != null && !r.kind().equals(s.kind())) {
                continue;
            }
            Optional<String[]> matched = match(r, s);
            if (matched.isPresent()) {
                String[] what = matched.get();
                reasons.add(new Reason(r.no(),
                        Messages.zh("reason", what[0], catalogue.version(), catalogue.effectiveFrom().toString(), r.no()),
                        Messages.en("reason", what[1], catalogue.version(), catalogue.effectiveFrom().toString(), r.no())));
            }
        }
        boolean major = !reasons.isEmpty();
        boolean required = major || (catalogue.reviewAllOrdinary() && !s.simple());
        if (!major && required) {
            reasons.add(new Reason(0, Messages.zh("reason.all", catalogue.version(), catalogue.effectiveFrom().toString()),
                    Messages.en("reason.all", catalogue.version(), catalogue.effectiveFrom().toString())));
        }
        return new MajorEvaluation(major, required, catalogue.version(), catalogue.effectiveFrom(), reasons);
    }

    /** The rule's finding in Chinese and English, when it matches. */
    private static Optional<String[]> match(CatalogueRule r, Subject s) {
        DecisionFacts f = s.facts();
        return switch (r.type()) {
            case KIND -> Optional.of(new String[] {Messages.zh("match.kind", title(r, true)),
                    Messages.en("match.kind", title(r, false))});
            case MEASURE -> f.measures().stream().filter(r.measures()::contains).findFirst()
                    .map(m -> new String[] {Messages.zh("match.measure", m), Messages.en("match.measure", m)});
            case FINE -> f.fine().filter(v -> r.threshold() != null && v.compareTo(r.threshold()) >= 0)
                    .filter(v -> r.partyType() == null || r.partyType() == s.partyType())
                    .map(v -> new String[] {
                            Messages.zh("match.fine", plain(v), plain(r.threshold()), party(r.partyType(), true)),
                            Messages.en("match.fine", plain(v), plain(r.threshold()), party(r.partyType(), false))});
            case CONFISCATION -> f.confiscation().filter(v -> r.threshold() != null && v.compareTo(r.threshold()) >= 0)
                    .map(v -> new String[] {Messages.zh("match.confiscation", plain(v), plain(r.threshold())),
                            Messages.en("match.confiscation", plain(v), plain(r.threshold()))});
            case HEARING -> f.hearingHeld()
                    ? Optional.of(new String[] {Messages.zh("match.hearing"), Messages.en("match.hearing")})
                    : Optional.empty();
            case FLAG -> s.flags().stream().filter(x -> x.name().equals(r.flag())).findFirst()
                    .map(x -> new String[] {Messages.zh("match.flag", Messages.zh("flag." + x.name())),
                            Messages.en("match.flag", Messages.en("flag." + x.name()))});
            case KIND_REASONS -> s.kindReasons().isEmpty() ? Optional.empty()
                    : Optional.of(new String[] {Messages.zh("match.kindReasons", String.join("；", s.kindReasons())),
                            Messages.en("match.kindReasons", String.join("; ", s.kindReasons()))});
        };
    }

    private static String title(CatalogueRule r, boolean zh) {
        String t = zh ? r.titleZh() : r.titleEn();
        return t == null || t.isBlank() ? (r.titleZh() == null ? r.kind() : r.titleZh()) : t;
    }

    private static String party(PartyType p, boolean zh) {
        String key = p == null ? "party.any" : "party." + p.name();
        return zh ? Messages.zh(key) : Messages.en(key);
    }

    /** 20000.00 → 20000; 0.50 → 0.5. */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
