package org.zhifa.evidence.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.AvInterruption;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.kind.AvRule;

/** The A/V rule of a step (R4) checked against its recordings and recorded interruptions. Pure. */
final class Coverage {

    private Coverage() {}

    static AvCoverage check(long caseId, String step, AvRule rule, List<EvidenceItem> items,
                            List<AvInterruption> interruptions, Duration tolerance) {
        List<EvidenceItem> av = items.stream()
                .filter(i -> i.isAudioVideo() && step.equals(i.step())).toList();
        if (rule == null || rule == AvRule.NONE) {
            return new AvCoverage(caseId, step, AvRule.NONE, true, av.size(), List.of(),
                    Messages.zh("coverage.none"), Messages.en("coverage.none"));
        }
        if (av.isEmpty()) {
            return new AvCoverage(caseId, step, rule, false, 0, List.of(),
                    Messages.zh("coverage.missing", step), Messages.en("coverage.missing", step));
        }
        if (rule == AvRule.REQUIRED) {
            return new AvCoverage(caseId, step, rule, true, av.size(), List.of(),
                    Messages.zh("coverage.ok", av.size()), Messages.en("coverage.ok", av.size()));
        }
        List<EvidenceItem> timed = av.stream().filter(i -> i.recordedFrom() != null && i.recordedTo() != null)
                .sorted(Comparator.comparing(EvidenceItem::recordedFrom)).toList();
        if (timed.size() < av.size()) {
            int untimed = av.size() - timed.size();
            return new AvCoverage(caseId, step, rule, false, av.size(), List.of(),
                    Messages.zh("coverage.untimed", untimed), Messages.en("coverage.untimed", untimed));
        }
        List<AvInterruption> reasons = interruptions.stream().filter(x -> step.equals(x.step()))
                .sorted(Comparator.comparing(AvInterruption::from)).toList();
        List<AvCoverage.Gap> gaps = new ArrayList<>();
        Instant coveredUntil = timed.get(0).recordedTo();
        for (EvidenceItem next : timed.subList(1, timed.size())) {
            if (Duration.between(coveredUntil, next.recordedFrom()).compareTo(tolerance) > 0) {
                gaps.addAll(uncovered(coveredUntil, next.recordedFrom(), reasons, tolerance));
            }
            if (next.recordedTo().isAfter(coveredUntil)) {
                coveredUntil = next.recordedTo();
            }
        }
        if (gaps.isEmpty()) {
            return new AvCoverage(caseId, step, rule, true, av.size(), List.of(),
                    Messages.zh("coverage.continuous", av.size()), Messages.en("coverage.continuous", av.size()));
        }
        StringBuilder zh = new StringBuilder(Messages.zh("coverage.gaps", gaps.size()));
        StringBuilder en = new StringBuilder(Messages.en("coverage.gaps", gaps.size()));
        for (AvCoverage.Gap g : gaps) {
            zh.append(' ').append(g.from()).append(" – ").append(g.to()).append('；');
            en.append(' ').append(g.from()).append(" – ").append(g.to()).append(';');
        }
        return new AvCoverage(caseId, step, rule, false, av.size(), gaps, zh.toString(), en.toString());
    }

    /** The parts of [from, to) that no interruption covers, ignoring pieces within the tolerance. */
    private static List<AvCoverage.Gap> uncovered(Instant from, Instant to, List<AvInterruption> reasons,
                                                  Duration tolerance) {
        List<AvCoverage.Gap> out = new ArrayList<>();
        Instant cursor = from;
        for (AvInterruption r : reasons) {
            if (!r.to().isAfter(cursor) || !r.from().isBefore(to)) {
                continue;
            }
            if (Duration.between(cursor, r.from()).compareTo(tolerance) > 0) {
                out.add(new AvCoverage.Gap(cursor, r.from()));
            }
            if (r.to().isAfter(cursor)) {
                cursor = r.to();
            }
            if (!cursor.isBefore(to)) {
                return out;
            }
        }
        if (Duration.between(cursor, to).compareTo(tolerance) > 0) {
            out.add(new AvCoverage.Gap(cursor, to));
        }
        return out;
    }
}
