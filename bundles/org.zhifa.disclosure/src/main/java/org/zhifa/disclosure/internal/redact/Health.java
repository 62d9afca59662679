package org.zhifa.disclosure.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Health data: the whole clause that speaks of a diagnosis, an illness, a disability or a pregnancy is
 * hidden, since what is around the word (二级, 晚期, 住院三个月) is health data too. Mentions inside a
 * title in 《》 (残疾人保障法) are law, not data.
 */
final class Health {
    private static final Pattern TERM = Pattern.compile(
            "病历|病史|病情|诊断|确诊|患有|身患|患病|罹患|住院|疾病|HIV|艾滋|乙肝|肝炎|结核|癌|肿瘤|精神病|精神障碍|抑郁|精神分裂"
                    + "|糖尿病|高血压|心脏病|脑梗|中风|偏瘫|瘫痪|癫痫|残疾|伤残|智力障碍|聋哑|失明|传染病|怀孕|孕期|孕妇|妊娠|哺乳期|流产");
    private static final String CLAUSE_ENDS = "，,。；;\n\r！!？?";

    private Health() {
    }

    static void find(String text, List<Candidate> out) {
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            if (inTitle(text, m.start())) {
                continue;
            }
            int from = m.start();
            while (from > 0 && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
                from--;
            }
            int end = m.end();
            while (end < text.length() && CLAUSE_ENDS.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            out.add(new Candidate(from, end, Categories.HEALTH, Categories.HIDDEN));
        }
    }

    private static boolean inTitle(String text, int at) {
        int open = text.lastIndexOf('《', at);
        return open >= 0 && text.lastIndexOf('》', at) < open;
    }
}
