package org.zhifa.disclosure.internal.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.RedactionContext;
import org.zhifa.api.disclosure.Redactor;

/**
 * D5 on plain text. Every detector proposes spans; overlapping spans merge into one mask, so that nothing
 * a detector wanted hidden shows. The party's name stays (a punished natural person is published by name,
 * an organisation always); so do {@code keepNames}, amounts, areas, dates, case numbers and unified social
 * credit codes. Replacements: ID numbers and bank accounts one star a character, phones, e-mail addresses,
 * health clauses and the approver's additions {@code ****}, names {@code 邓某某}, addresses their part
 * down to the county then {@code ****}. The text is not escaped: that is each channel's job.
 */
@Component(service = Redactor.class)
public class RedactorImpl implements Redactor {

    @Override
    public Redaction redact(String text, RedactionContext context) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, text == null ? "" : text, List.of());
        }
        RedactionContext c = context != null ? context : new RedactionContext(null, true, null, null, null);
        List<int[]> codes = new ArrayList<>();
        Numbers.protectedSpans(text, codes);

        List<Candidate> candidates = new ArrayList<>();
        List<Candidate> numbers = new ArrayList<>();
        Numbers.find(text, numbers);
        for (Candidate n : numbers) {
            if (!overlaps(codes, n.start(), n.end())) {
                candidates.add(n);
            }
        }
        Addresses.find(text, c.partyPerson(), candidates);
        Health.find(text, candidates);
        names(text, c, candidates);
        for (String extra : c.extraMasks()) {
            if (extra == null || extra.isBlank()) {
                continue;
            }
            String replacement = looksLikeName(extra) ? Categories.name(extra) : Categories.HIDDEN;
            for (int i = text.indexOf(extra); i >= 0; i = text.indexOf(extra, i + extra.length())) {
                candidates.add(new Candidate(i, i + extra.length(), Categories.MANUAL, replacement));
            }
        }
        List<Mask> masks = merge(candidates);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Mask m : masks) {
            out.append(text, at, m.start()).append(m.replacement());
            at = m.end();
        }
        out.append(text, at, text.length());
        return new Redaction(text, out.toString(), masks);
    }

    private static void names(String text, RedactionContext c, List<Candidate> out) {
        // where the party and the public names stand, no name found by context is masked
        List<int[]> kept = new ArrayList<>();
        Set<String> keep = new LinkedHashSet<>();
        if (c.partyName() != null && !c.partyName().isBlank()) {
            keep.add(c.partyName().strip());
        }
        for (String k : c.keepNames()) {
            if (k != null && !k.isBlank()) {
                keep.add(k.strip());
            }
        }
        for (String k : keep) {
            for (int i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + k.length())) {
                kept.add(new int[] {i, i + k.length()});
            }
        }
        Set<String> found = new LinkedHashSet<>();
        Names.find(text, found);
        found.removeAll(keep);
        for (String name : found) {
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                if (!overlaps(kept, i, i + name.length())) {
                    out.add(new Candidate(i, i + name.length(), Categories.NAME, Categories.name(name)));
                }
            }
        }
        // names from the case data are always masked, wherever they stand
        for (String known : c.knownNames()) {
            if (known == null || known.isBlank()) {
                continue;
            }
            String name = known.strip();
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                out.add(new Candidate(i, i + name.length(), Categories.NAME, Categories.name(name)));
            }
        }
    }

    private static boolean looksLikeName(String s) {
        int surname = Surnames.at(s, 0);
        if (surname == 0 || s.length() < surname + 1 || s.length() > surname + 2) {
            return false;
        }
        return s.chars().allMatch(ch -> Context.cjk((char) ch));
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Overlapping candidates become one mask over their union: one that covers the union gives its
     * replacement (the surest category first); otherwise the surest category hides the union whole.
     */
    static List<Mask> merge(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::end).reversed()));
        List<Mask> masks = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i).start();
            int end = sorted.get(i).end();
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).start() < end) {
                end = Math.max(end, sorted.get(j).end());
                j++;
            }
            Candidate cover = null;
            Candidate surest = null;
            for (Candidate k : sorted.subList(i, j)) {
                if (surest == null || k.priority() > surest.priority()) {
                    surest = k;
                }
                if (k.start() == start && k.end() == end && (cover == null || k.priority() > cover.priority())) {
                    cover = k;
                }
            }
            if (cover != null) {
                masks.add(new Mask(start, end, cover.category(), cover.replacement()));
            } else {
                String category = surest.category();
                boolean numeric = Categories.ID_NUMBER.equals(category) || Categories.BANK_ACCOUNT.equals(category);
                masks.add(new Mask(start, end, category, numeric ? Categories.stars(end - start) : Categories.HIDDEN));
            }
            i = j;
        }
        return masks;
    }
}
