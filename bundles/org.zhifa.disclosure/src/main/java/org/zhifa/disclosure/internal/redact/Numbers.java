package org.zhifa.disclosure.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ID numbers, phones, bank accounts and e-mail addresses. A run of digits (single spaces or dashes
 * between them allowed, an X at the end) is classified by its own shape first — a GB 11643 check digit,
 * a mobile prefix, a Luhn check — and by the words just before it otherwise (身份证, 账号, 电话). A run
 * glued to letters is part of a code (统一社会信用代码, 宗地号) and never a number of a person.
 */
final class Numbers {
    private static final Pattern RUN = Pattern.compile(
            "(?<![0-9A-Za-z])\\+?[0-9](?:[ \\-]?[0-9])*[Xx]?(?![0-9A-Za-z])");
    /** A mobile inside a longer run (13802428382-2) or after a prefix the run did not take. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9A-Za-z])1[3-9][0-9](?:[ \\-]?[0-9]{4}){2}(?![0-9A-Za-z])");
    private static final Pattern LANDLINE_PARENS = Pattern.compile(
            "[(（]0[1-9][0-9]{1,2}[)）][ \\-]?[0-9]{7,8}(?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    /** An 18-character code of the GB 32100 alphabet, letters allowed anywhere. */
    private static final Pattern CODE18 = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Z]{18}(?![0-9A-Za-z])");
    /** 〔2026〕61号, [2026]61号, (2026)61号. */
    private static final Pattern CASE_NUMBER = Pattern.compile("[〔\\[(（【]\\d{4}[〕\\])）】]\\s*\\d+\\s*号");

    private static final String[] ID_WORDS = {"身份证", "身份号码", "证件号", "公民身份"};
    private static final String[] BANK_WORDS = {"账号", "帐号", "卡号", "账户", "帐户", "开户", "银行"};
    private static final String[] PHONE_WORDS = {"电话", "手机", "联系方式", "座机", "传真", "Tel", "TEL", "tel"};
    private static final String[] USCC_WORDS = {"信用代码", "注册号", "组织机构代码"};

    private Numbers() {
    }

    /** Unified social credit codes and case numbers: no number detector may touch them. */
    static void protectedSpans(String text, List<int[]> out) {
        Matcher m = CODE18.matcher(text);
        while (m.find()) {
            String code = m.group();
            boolean letters = !Checks.digits(code.substring(0, 17));
            if (letters || Checks.uscc(code) && !Checks.residentId18(code)
                    || Context.mentions(Context.before(text, m.start(), 16), USCC_WORDS)) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        m = CASE_NUMBER.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
    }

    static void find(String text, List<Candidate> out) {
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            classify(text, m.start(), m.end(), out);
        }
        m = MOBILE.matcher(text);
        while (m.find()) {
            out.add(new Candidate(m.start(), m.end(), Categories.PHONE, Categories.HIDDEN));
        }
        m = LANDLINE_PARENS.matcher(text);
        while (m.find()) {
            out.add(new Candidate(m.start(), m.end(), Categories.PHONE, Categories.HIDDEN));
        }
        m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new Candidate(m.start(), m.end(), Categories.EMAIL, Categories.HIDDEN));
        }
    }

    private static void classify(String text, int start, int end, List<Candidate> out) {
        String run = text.substring(start, end);
        boolean plus = run.startsWith("+");
        boolean separated = run.indexOf(' ') >= 0 || run.indexOf('-') >= 0;
        String d = run.replace("+", "").replace(" ", "").replace("-", "");
        boolean x = Character.toUpperCase(d.charAt(d.length() - 1)) == 'X';
        String context = Context.before(text, start, 14);
        int len = end - start;

        if (x) { // only an ID number ends in X
            if (Checks.residentId18(d) || d.length() == 18 && Context.mentions(context, ID_WORDS)) {
                out.add(new Candidate(start, end, Categories.ID_NUMBER, Categories.stars(len)));
            }
            return;
        }
        if (d.length() == 18 && Checks.residentId18(d) || d.length() == 15 && Checks.residentId15(d)
                || d.length() >= 15 && d.length() <= 18 && Context.mentions(context, ID_WORDS)) {
            out.add(new Candidate(start, end, Categories.ID_NUMBER, Categories.stars(len)));
            return;
        }
        String national = d.startsWith("0086") ? d.substring(4) : d.startsWith("86") && d.length() == 13 ? d.substring(2) : d;
        if (national.length() == 11 && national.charAt(0) == '1' && national.charAt(1) >= '3') {
            out.add(new Candidate(start, end, Categories.PHONE, Categories.HIDDEN));
            return;
        }
        boolean phoneWords = Context.mentions(context, PHONE_WORDS);
        if (d.matches("0[1-9][0-9]{8,10}") && (separated || plus || phoneWords)) {
            out.add(new Candidate(start, end, Categories.PHONE, Categories.HIDDEN));
            return;
        }
        boolean bankWords = Context.mentions(context, BANK_WORDS);
        if (d.length() >= 16 && d.length() <= 19 && (bankWords || Checks.luhn(d)) || bankWords && d.length() >= 8) {
            out.add(new Candidate(start, end, Categories.BANK_ACCOUNT, Categories.stars(len)));
            return;
        }
        if (phoneWords && d.length() >= 7 && d.length() <= 12) {
            out.add(new Candidate(start, end, Categories.PHONE, Categories.HIDDEN));
        }
    }
}
