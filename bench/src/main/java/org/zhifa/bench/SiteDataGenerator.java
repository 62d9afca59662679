package org.zhifa.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a stopped bureau's embedded Derby database (after one boot has created the schema) with {@code n}
 * decisions on the public site, as the website channel stores what the outbox delivers (GS_VERSION, one
 * version each): six kinds, decision days over three years, case numbers, parties (people and companies)
 * and a redacted 决定 text of about 600 characters. Public ids are {@code pbench<i>}. Deterministic (seed 7).
 * The site builds its index from these rows when it starts.
 *
 * <pre>java -cp bench/target/classes:derby.jar org.zhifa.bench.SiteDataGenerator DERBY_DIR BUREAU N</pre>
 */
public final class SiteDataGenerator {
    static final String[] TOWNS = {"西渡镇", "洪市镇", "金兰镇", "井头镇", "台源镇", "三湖镇", "渣江镇", "库宗桥镇"};
    static final String[] COMPANY = {"建材有限责任公司", "房地产开发有限公司", "矿业有限公司", "砂石经营部", "农业开发有限公司"};

    public static void main(String[] args) throws SQLException {
        String dir = args[0];
        String bureau = args[1];
        int n = Integer.parseInt(args[2]);
        Random rnd = new Random(7);
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir)) {
            c.setAutoCommit(false);
            PreparedStatement ps = c.prepareStatement("INSERT INTO GS_VERSION (BUREAU, PUBLIC_ID, VERSION, ITEM_TYPE, KIND,"
                    + " KIND_TITLE, TITLE, CASE_NUMBER, PARTY, DECIDED_ON, PUBLISHED_AT, POST_UNTIL, BODY, SEARCH_TEXT, PDF,"
                    + " OUTBOX_ID, RECEIVED_AT) VALUES (?, ?, 1, 'DECISION', ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?)");
            for (int i = 0; i < n; i++) {
                int k = rnd.nextInt(CaseDataGenerator.KINDS.length);
                LocalDate decided = today.minusDays(rnd.nextInt(3 * 365));
                boolean person = rnd.nextInt(3) > 0;
                String party = person
                        ? CaseDataGenerator.SURNAMES[rnd.nextInt(CaseDataGenerator.SURNAMES.length)] + "某" + i
                        : "衡阳" + i + COMPANY[rnd.nextInt(COMPANY.length)];
                String number = "衡自然资" + CaseDataGenerator.KIND_CODE[k] + "〔" + decided.getYear() + "〕" + (1 + i % 5000) + "号";
                String town = TOWNS[rnd.nextInt(TOWNS.length)];
                int area = 50 + rnd.nextInt(3000);
                String title = party + "在" + town + "未经批准占用土地案";
                String body = number + "\n衡阳县自然资源局\n" + CaseDataGenerator.KIND_ZH[k] + "决定书\n当事人：" + party
                        + "\n经查，当事人于" + decided.minusMonths(3).getYear() + "年" + decided.minusMonths(3).getMonthValue()
                        + "月未经批准擅自占用衡阳县" + town + "集体土地" + area + "平方米建设厂房。上述事实有现场勘测笔录、询问笔录、"
                        + "证人证言及照片等证据证实。\n当事人的行为违反了《中华人民共和国土地管理法》第四十四条的规定。依据《中华人民共和国"
                        + "土地管理法》第七十七条，决定如下：\n一、责令退还非法占用的土地" + area + "平方米，限期拆除在非法占用的土地上新建的"
                        + "建筑物和其他设施；\n二、处以罚款人民币" + area * 20 + "元。\n当事人应当自收到本决定书之日起十五日内缴纳罚款。如不服"
                        + "本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。\n衡阳县自然资源局\n" + decided;
                Instant published = decided.plusDays(3).atStartOfDay(ZoneOffset.ofHours(8)).toInstant();
                ps.setString(1, bureau);
                ps.setString(2, "pbench" + i);
                ps.setString(3, CaseDataGenerator.KINDS[k]);
                ps.setString(4, CaseDataGenerator.KIND_ZH[k]);
                ps.setString(5, title);
                ps.setString(6, number);
                ps.setString(7, party);
                ps.setDate(8, Date.valueOf(decided));
                ps.setTimestamp(9, Timestamp.from(published));
                ps.setString(10, body);
                ps.setString(11, normalised(body));
                ps.setLong(12, 1_000_000_000_000L + i);
                ps.setTimestamp(13, Timestamp.from(published));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby says it shut down with an exception
        }
    }

    /** The site's search form of a text: NFKC, lower case, no white space (its {@code Search.normalise}). */
    static String normalised(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != '\u3000').forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private SiteDataGenerator() {}
}
