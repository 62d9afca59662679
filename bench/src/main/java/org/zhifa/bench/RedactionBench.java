package org.zhifa.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.RedactionContext;
import org.zhifa.disclosure.internal.redact.RedactorImpl;

/**
 * Redaction throughput (issue 6) in characters per second, one decision text at a time as the disclosure
 * service redacts them, over the shared test-data texts repeated to about 50 MB of characters. Two
 * baselines on the same texts:
 * <ul>
 * <li><b>regex-only</b>: one pass of a single regular expression for 18-digit ID numbers and 11-digit
 *     mobiles, replaced by stars — the naive redactor, which misses landlines, accounts, addresses and
 *     names; the ratio is what full detection costs against it;</li>
 * <li><b>String.replace</b>: the masks already known, applied with {@code String.replace} of each masked
 *     string — the floor of any redactor that must copy the text.</li>
 * </ul>
 * Args: decisions.json, characters per timed run (50 000 000), timed runs (3). The best run is printed.
 */
public final class RedactionBench {
    private static final Pattern NAIVE = Pattern.compile("(?<!\\d)(?:\\d{17}[\\dXx]|1[3-9]\\d{9})(?!\\d)");

    private record Text(String text, RedactionContext context, List<String> masked) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long perRun = args.length > 1 ? Long.parseLong(args[1]) : 50_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        RedactorImpl redactor = new RedactorImpl();
        List<Text> texts = load(data, redactor);
        long corpus = texts.stream().mapToLong(t -> t.text().length()).sum();
        System.out.printf("redaction: %d texts, %d characters, repeated to %,d characters a run, best of %d%n",
                texts.size(), corpus, perRun, runs);

        ToIntFunction<Text> full = t -> redactor.redact(t.text(), t.context()).redacted().length();
        ToIntFunction<Text> naive = t -> {
            Matcher m = NAIVE.matcher(t.text());
            return m.replaceAll("****").length();
        };
        ToIntFunction<Text> replace = t -> {
            String s = t.text();
            for (String g : t.masked()) {
                s = s.replace(g, "****");
            }
            return s.length();
        };
        // warm the JIT on every path before timing
        time(texts, perRun / 5, full);
        time(texts, perRun / 5, naive);
        time(texts, perRun / 5, replace);
        double redactor1 = best(texts, perRun, runs, full);
        double naive1 = best(texts, perRun, runs, naive);
        double replace1 = best(texts, perRun, runs, replace);
        System.out.printf("redactor           %,14.0f chars/s%n", redactor1);
        System.out.printf("regex-only ID/phone %,13.0f chars/s   redactor / regex-only     = %.2fx%n", naive1, redactor1 / naive1);
        System.out.printf("String.replace     %,14.0f chars/s   redactor / String.replace = %.2fx%n", replace1, redactor1 / replace1);
    }

    private static List<Text> load(Path data, RedactorImpl redactor) throws Exception {
        Pattern party = Pattern.compile("当事人：([^，,\\n]+)");
        List<Text> out = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(data.toFile()).get("cases")) {
            String text = c.get("text").asText();
            Matcher m = party.matcher(text);
            String name = m.find() ? m.group(1).strip() : null;
            RedactionContext context = new RedactionContext(name,
                    "natural_person".equals(c.get("party_type").asText()), List.of(), List.of(), List.of());
            Redaction r = redactor.redact(text, context);
            List<String> masked = new ArrayList<>();
            for (Mask k : r.masks()) {
                masked.add(text.substring(k.start(), k.end()));
            }
            out.add(new Text(text, context, masked));
        }
        return out;
    }

    private static double best(List<Text> texts, long chars, int runs, ToIntFunction<Text> f) {
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            rates[i] = time(texts, chars, f);
        }
        return Arrays.stream(rates).max().orElse(0);
    }

    /** Characters per second over at least {@code chars} characters; the sink keeps the work alive. */
    private static double time(List<Text> texts, long chars, ToIntFunction<Text> f) {
        long done = 0;
        long sink = 0;
        long start = System.nanoTime();
        while (done < chars) {
            for (Text t : texts) {
                sink += f.applyAsInt(t);
                done += t.text().length();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == 42) {
            System.out.print("");
        }
        return done / seconds;
    }
}
