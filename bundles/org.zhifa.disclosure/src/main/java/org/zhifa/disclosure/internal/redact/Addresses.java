package org.zhifa.disclosure.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal addresses. An address is personal when the text introduces it as one — 住址, 住所, 地址,
 * 居住, 家住, 户籍 — or when 住 follows a person ("证人李某，住……村3组"). An address-shaped string without
 * such an introduction is a place in the facts (占用……枫林村集体土地) and stays: the land, the site of the
 * offence and the bureau's own places are what the public is told. The address keeps its part down to
 * the county or district (湖南省衡阳市常宁市) and loses the rest (宜阳街道枫林村4组70号 → ****).
 * An organisation's 住所 (its registered domicile, public in the enterprise credit register) stays.
 */
final class Addresses {
    private static final Pattern LABEL = Pattern.compile(
            "(家庭住址|家庭地址|现住址|现住所|户籍地址|户籍所在地|户籍地|居住地址|居住地|经常居住地|住址|住所地|住所|通讯地址|联系地址|送达地址|地址"
                    + "|居住于|居住在|现住|家住|现居住)[：:]?\\s*(?:为|在|于)?\\s*");
    /** 住 right after a comma or bracket, as in "证人李某，住衡南县……" */
    private static final Pattern LIVES = Pattern.compile("(?<=[，,（(、])住(?:在|于)?\\s*");
    private static final String ENDS = "，,。；;\n\r（(）)、 \t";
    /** An address is detailed when it reaches below the township: village, group, number, room, road. */
    private static final Pattern DETAILED = Pattern.compile("[村组号室栋幢楼户路街巷弄院社区屯]");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:[^省市县区镇乡村组号路街社道]{1,8}?(?:省|自治区))?(?:[^省市县区镇乡村组号路街社道]{1,8}?(?:市|自治州|州|盟|地区))?"
                    + "(?:[^省市县区镇乡村组号路街社道]{1,8}?(?:县|区|市|旗))?");

    private Addresses() {
    }

    static void find(String text, boolean partyPerson, List<Candidate> out) {
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            boolean domicile = m.group(1).startsWith("住所");
            if (domicile && !partyPerson && partyLine(text, m.start())) {
                continue;
            }
            add(text, m.end(), false, out);
        }
        m = LIVES.matcher(text);
        while (m.find()) {
            add(text, m.end(), true, out);
        }
    }

    /** The party's own 住所 line: the header before the facts (经查), not a witness's. */
    private static boolean partyLine(String text, int at) {
        int facts = text.indexOf("经查");
        return facts < 0 || at < facts;
    }

    private static void add(String text, int from, boolean mustBeDetailed, List<Candidate> out) {
        int end = from;
        int limit = Math.min(text.length(), from + 80);
        while (end < limit && ENDS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end - from < 2) {
            return;
        }
        String body = text.substring(from, end);
        if (mustBeDetailed && !DETAILED.matcher(body).find()) {
            return;
        }
        Matcher p = PREFIX.matcher(body);
        int kept = p.find() ? p.end() : 0;
        if (kept < body.length()) {
            out.add(new Candidate(from + kept, end, Categories.ADDRESS, Categories.HIDDEN));
        }
    }
}
