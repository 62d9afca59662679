package org.zhifa.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * {@code java -jar zhifa-verify.jar <case.zip | draw.json> [--public-key bureau.pem] [--lang en]}: checks a case
 * file or a 双随机 draw file and prints OK or every problem with its location; exits 0 (verified), 1 (something is wrong) or 2 (unusable input).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out) {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        String zip = null;
        String keyFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang") && i + 1 < args.length) {
                locale = args[++i].toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            } else if (a.equals("--public-key") && i + 1 < args.length) {
                keyFile = args[++i];
            } else if (!a.startsWith("--") && zip == null) {
                zip = a;
            } else {
                zip = null;
                keyFile = null;
                break;
            }
        }
        if (zip == null) {
            out.println(text(locale, "USAGE"));
            return 2;
        }
        String pem = null;
        if (keyFile != null) {
            try {
                pem = Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                out.println(text(locale, "UNUSABLE") + " KEY_UNUSABLE  " + keyFile + "  " + text(locale, "KEY_UNUSABLE"));
                return 2;
            }
        }
        Path file = Path.of(zip);
        if (!Files.isRegularFile(file)) {
            out.println(text(locale, "UNUSABLE") + " NOT_FOUND  " + zip + "  " + text(locale, "NOT_FOUND"));
            return 2;
        }
        Report report = DrawFileVerifier.isDrawFile(file) ? DrawFileVerifier.verify(file, pem)
                : CaseFileVerifier.verify(file, pem);
        print(report, locale, out);
        return report.exitCode();
    }

    static void print(Report r, Locale locale, PrintStream out) {
        if (r.unusable() != null) {
            out.println(text(locale, "UNUSABLE") + " " + line(r.unusable(), locale));
            return;
        }
        String prefix = Report.DRAW.equals(r.kind()) ? "DRAW_" : "";
        if (r.ok()) {
            out.println(text(locale, prefix + "OK", r.caseNumber(), r.files(), r.entries(), r.treeSize(), r.rootHash()));
            return;
        }
        out.println(text(locale, prefix + "FAILED", r.caseNumber(), r.findings().size()));
        for (Finding f : r.findings()) {
            out.println("  " + line(f, locale));
        }
    }

    /** {@code CODE  location  message}: the code and location are the same in every language. */
    static String line(Finding f, Locale locale) {
        return f.code() + "  " + f.location() + "  " + text(locale, f.code(), f.args().toArray());
    }

    static String text(Locale locale, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("org.zhifa.verify.messages", locale, Main.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return new MessageFormat(b.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
