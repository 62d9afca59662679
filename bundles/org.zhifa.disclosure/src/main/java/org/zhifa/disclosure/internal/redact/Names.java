package org.zhifa.disclosure.internal.redact;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of natural persons found by the role the text gives them: after 证人, 主任, 委托代理人,
 * 法定代表人, 陪同人员… and before 的证言, 到场见证, 陪同…. A name is a surname of the table and one or two
 * given characters (the given part stops at a word that follows names: 的, 到, 称…).
 *
 * <p>法定代表人 and 负责人 are found and hidden too, although the enterprise credit register publishes
 * a legal person's representative: D5 lists every natural person other than the party, and the
 * {@link org.zhifa.api.disclosure.RedactionContext} puts legal representatives among the names always
 * masked. A bureau that publishes them passes them in {@code keepNames}.
 */
final class Names {
    private static final String[] BEFORE = {
        "证人", "见证人", "村主任", "副主任", "主任", "组长", "村长", "支书", "书记", "会计", "出纳",
        "委托代理人", "诉讼代理人", "代理人", "法定代表人", "法定代理人", "现场负责人", "负责人", "监护人",
        "陪同人员", "陪同人", "被询问人", "询问对象", "被调查人", "被检查人", "在场人", "亲属", "妻子", "丈夫",
        "儿子", "女儿", "父亲", "母亲", "其妻", "其夫", "其子", "其女", "之妻", "之夫", "之子", "之女", "户主",
        "邻居", "联系人", "经办人", "股东", "员工", "雇员", "司机", "驾驶员", "承包人", "出租人", "承租人",
        "受托人", "举报人", "投诉人", "报案人", "翻译人员", "记录人员",
    };
    private static final String[] AFTER = {"的证人证言", "的证言", "证言", "到场见证", "在场见证", "见证", "作证", "陪同"};
    private static final Pattern BEFORE_PATTERN = alternation(BEFORE, "(?:[：:]\\s*|\\s*)");
    private static final Pattern AFTER_PATTERN = alternation(AFTER, "");
    /** Characters that end a given name: the words that follow a name in these texts. */
    private static final String STOP = "的到在于是和与及等称说向因对将已被把也都就系未不无有并且而或签陪作证见出同均亦所之其某该经据由以从";
    /** Characters that cannot begin a given name: the name is already 某某 or there is none. */
    private static final String NOT_FIRST = "某的等";
    /** What may stand right before a name found by the words after it. */
    private static final String BOUNDARY = "由和与及、，,：:（(；;。 \n人员任长记";

    private Names() {
    }

    private static Pattern alternation(String[] words, String tail) {
        String[] sorted = words.clone();
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        return Pattern.compile("(?:" + String.join("|", sorted) + ")" + tail);
    }

    static void find(String text, Set<String> found) {
        Matcher m = BEFORE_PATTERN.matcher(text);
        while (m.find()) {
            int at = m.end();
            String name = nameAt(text, at);
            // "证人邓国强、吴海军" names several
            while (name != null) {
                found.add(name);
                at += name.length();
                if (at < text.length() && "、和及与".indexOf(text.charAt(at)) >= 0) {
                    name = nameAt(text, at + 1);
                } else {
                    name = null;
                }
            }
        }
        m = AFTER_PATTERN.matcher(text);
        while (m.find()) {
            String name = nameBefore(text, m.start());
            if (name != null) {
                found.add(name);
            }
        }
    }

    /** A surname, then two given characters unless the second ends the name, then one. */
    static String nameAt(String text, int at) {
        int s = Surnames.at(text, at);
        if (s == 0) {
            return null;
        }
        int g = at + s;
        if (!cjk(text, g) || NOT_FIRST.indexOf(text.charAt(g)) >= 0) {
            return null;
        }
        int end = cjk(text, g + 1) && STOP.indexOf(text.charAt(g + 1)) < 0 ? g + 2 : g + 1;
        return text.substring(at, end);
    }

    private static String nameBefore(String text, int end) {
        for (int len = 4; len >= 2; len--) {
            int at = end - len;
            if (at < 0) {
                continue;
            }
            int s = Surnames.at(text, at);
            int givenLength = len - s;
            if (s == 0 || givenLength < 1 || givenLength > 2) {
                continue;
            }
            boolean ok = at == 0 || BOUNDARY.indexOf(text.charAt(at - 1)) >= 0;
            for (int i = at + s; ok && i < end; i++) {
                ok = given(text, i);
            }
            if (ok) {
                return text.substring(at, end);
            }
        }
        return null;
    }

    private static boolean given(String text, int i) {
        return cjk(text, i) && STOP.indexOf(text.charAt(i)) < 0;
    }

    private static boolean cjk(String text, int i) {
        return i < text.length() && Context.cjk(text.charAt(i));
    }
}
