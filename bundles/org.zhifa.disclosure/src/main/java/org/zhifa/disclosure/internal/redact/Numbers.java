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
    /** A mobile inside a longer run (13802428382-2) or after a prefix the run did not take. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9A-Za-z])1[3-9][0-9](?:[ \\-]?[0-9]{4}){2}(?![0-9A-Za-z])");
    private static final Pattern LANDLINE_PARENS = Pattern.compile(
            "[(（]0[1-9][0-9]{1,2}[)）][ \\-]?[0-9]{7,8}(?![0-9A-Za-z])");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{8,10}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    /** 〔2026〕61号, [2026]61号, (2026)61号. */
    private static final Pattern CASE_NUMBER = Pattern.compile("[〔\\[(（【]\\d{4}[〕\\])）】]\\s*\\d+\\s*号");

    /** One of these between digits keeps the run going: 138 0242 8382, 0734-4064027, 0734－4064027. */
    private static final String SEPARATORS = " -－\u3000";
    private static final String[] ID_WORDS = {"身份证", "身份号码", "证件号", "公民身份"};
    private static final String[] BANK_WORDS = {"账号", "帐号", "卡号", "账户", "帐户", "开户", "银行"};
    private static final String[] PHONE_WORDS = {"电话", "手机", "联系方式", "座机", "传真", "Tel", "TEL", "tel"};
    private static final String[] USCC_WORDS = {"信用代码", "注册号", "组织机构代码"};

    private Numbers() {
    }

    /** Unified social credit codes and case numbers: no number detector may touch them. */
    static void protectedSpans(String text, List<int[]> out) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!alnum(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && alnum(text.charAt(j))) {
                j++;
            }
            if (j - i == 18) {
                String code = text.substring(i, j);
                boolean letters = code.substring(0, 17).chars().anyMatch(ch -> ch >= 'A' && ch <= 'Z');
                if (code.equals(code.toUpperCase()) && (letters || Checks.uscc(code) && !Checks.residentId18(code)
                        || Context.mentions(Context.before(text, i, 16), USCC_WORDS))) {
                    out.add(new int[] {i, j});
                }
            }
            i = j;
        }
        Matcher m = CASE_NUMBER.matcher(text);
        for (int i = 0; i < n; i++) {
            if ("〔[(（【".indexOf(text.charAt(i)) >= 0 && m.region(i, Math.min(n, i + 24)).lookingAt()) {
                out.add(new int[] {i, m.end()});
                i = m.end() - 1;
            }
        }
    }

    /**
     * One pass over the text: each run of digits that stands apart from letters (single spaces or dashes
     * inside, a + before, an X after) is classified; a bracketed area code starts a landline.
     */
    static void find(String text, List<Candidate> out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean plus = (c == '+' || c == '＋') && i + 1 < n && digit(text.charAt(i + 1));
            if (!digit(c) && !plus || i > 0 && alnum(text.charAt(i - 1))) {
                if ((c == '(' || c == '（') && i + 1 < n && text.charAt(i + 1) == '0') {
                    Matcher m = LANDLINE_PARENS.matcher(text).region(i, Math.min(n, i + 20));
                    if (m.lookingAt()) {
                        out.add(new Candidate(m.start(), m.end(), Categories.PHONE, Categories.HIDDEN));
                        i = m.end() - 1;
                    }
                }
                continue;
            }
            int j = i + 1;
            while (j < n) {
                char d = text.charAt(j);
                if (digit(d)) {
                    j++;
                } else if (SEPARATORS.indexOf(d) >= 0 && j + 1 < n && digit(text.charAt(j + 1))) {
                    j += 2;
                } else {
                    break;
                }
            }
            if (j < n && "XxＸｘ".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            if (j < n && alnum(text.charAt(j))) { // glued to letters: part of a code
                while (j < n && alnum(text.charAt(j))) {
                    j++;
                }
            } else if (j - i >= 6) {
                classify(text, i, j, out);
            }
            i = j - 1;
        }
        if (text.indexOf('@') >= 0) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                out.add(new Candidate(m.start(), m.end(), Categories.EMAIL, Categories.HIDDEN));
            }
        }
    }

    /** Full-width digits (０-９) are digits too: typed Chinese text has them. */
    private static boolean digit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    private static boolean alnum(char c) {
        return digit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
    }

    /** The digits of a run, full-width ones as ASCII, separators and the plus dropped, X upper-case. */
    private static String digitsOf(String run) {
        StringBuilder b = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c >= '０' && c <= '９') {
                b.append((char) ('0' + c - '０'));
            } else if ("XxＸｘ".indexOf(c) >= 0) {
                b.append('X');
            }
        }
        return b.toString();
    }

    private static void classify(String text, int start, int end, List<Candidate> out) {
        String run = text.substring(start, end);
        boolean plus = run.startsWith("+") || run.startsWith("＋");
        boolean separated = false;
        for (int i = 0; i < run.length() && !separated; i++) {
            separated = SEPARATORS.indexOf(run.charAt(i)) >= 0;
        }
        String d = digitsOf(run);
        boolean x = d.charAt(d.length() - 1) == 'X';
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
        if (LANDLINE.matcher(d).matches() && (separated || plus || phoneWords)) {
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
            return;
        }
        if (separated) { // a mobile glued to more digits by a dash or space (13802428382-2)
            Matcher m = MOBILE.matcher(text).region(start, end);
            while (m.find()) {
                out.add(new Candidate(m.start(), m.end(), Categories.PHONE, Categories.HIDDEN));
            }
        }
    }
}
