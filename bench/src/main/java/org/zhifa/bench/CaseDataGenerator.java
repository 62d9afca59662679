package org.zhifa.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

/**
 * Fills a stopped bureau's embedded Derby database (after one boot has created the schema) with
 * {@code n} cases of 10 steps each: a filing and nine transitions with their recorded fields, two
 * officers and two timers per case. Row ids start at 10^12, far above what the sequences hand out,
 * so later writes of the running bureau never collide with them. Deterministic (seed 42).
 *
 * <pre>java -cp bench/target/classes:derby.jar org.zhifa.bench.CaseDataGenerator DERBY_DIR BUREAU N</pre>
 */
public final class CaseDataGenerator {
    static final String[] KINDS = {"penalty", "license", "coercion", "levy", "fee", "inspection"};
    static final String[] KIND_ZH = {"行政处罚", "行政许可", "行政强制", "行政征收", "行政收费", "行政检查"};
    static final String[] KIND_CODE = {"罚", "许", "强", "征", "费", "检"};
    static final String[] CATEGORIES = {"土地管理", "矿产资源", "测绘地理信息", "城乡规划", "地质环境", "森林草原"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    static final String[] STEP_ZH = {"立案", "调查取证", "审查", "告知", "陈述申辩", "法制审核", "决定", "送达", "执行", "结案"};
    static final long BASE = 1_000_000_000_000L;

    public static void main(String[] args) throws SQLException {
        String dir = args[0];
        String bureau = args[1];
        int n = Integer.parseInt(args[2]);
        Random rnd = new Random(42);
        LocalDate today = LocalDate.now();
        long row = BASE;
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir)) {
            c.setAutoCommit(false);
            PreparedStatement cases = c.prepareStatement("INSERT INTO CASE_FILE (ID, BUREAU, NUMBER, KIND, KIND_TITLE_ZH,"
                    + " KIND_TITLE_EN, CATEGORY, TITLE, PARTY_TYPE, PARTY_NAME, PARTY_ID_NUMBER, MINOR, SIMPLE, STEP,"
                    + " STEP_TITLE_ZH, STEP_TITLE_EN, STATUS, FILED_ON, NEXT_DUE, EVENT_COUNT, VERSION, CREATED_AT,"
                    + " CREATED_BY) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement events = c.prepareStatement("INSERT INTO CASE_EVENT (ID, BUREAU, CASE_ID, SEQ, TYPE,"
                    + " TRANSITION, FROM_STEP, TO_STEP, TITLE_ZH, TITLE_EN, ACTOR, OCCURRED_AT, REASON)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement fields = c.prepareStatement(
                    "INSERT INTO CASE_EVENT_FIELD (ID, CASE_ID, SEQ, NAME, VAL) VALUES (?,?,?,?,?)");
            PreparedStatement officers = c.prepareStatement("INSERT INTO CASE_OFFICER (ID, CASE_ID, OFFICER_ID,"
                    + " ASSIGNED_SEQ) VALUES (?,?,?,1)");
            PreparedStatement timers = c.prepareStatement("INSERT INTO CASE_TIMER (ID, BUREAU, CASE_ID, RULE_ID,"
                    + " TITLE_ZH, TITLE_EN, BASIS, STARTED_ON, DUE_ON, MET_ON, STARTED_SEQ) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
            for (int i = 0; i < n; i++) {
                long id = BASE + i;
                int k = rnd.nextInt(KINDS.length);
                boolean open = rnd.nextInt(10) < 3;
                int steps = open ? 1 + rnd.nextInt(9) : 10;
                LocalDate filed = today.minusDays(rnd.nextInt(720));
                LocalDate due = open ? today.plusDays(rnd.nextInt(60) - 20) : null;
                String party = SURNAMES[rnd.nextInt(SURNAMES.length)] + "某" + i;
                int year = filed.getYear();
                cases.setLong(1, id);
                cases.setString(2, bureau);
                cases.setString(3, "衡国土资" + KIND_CODE[k] + "〔" + year + "〕B" + i + "号");
                cases.setString(4, KINDS[k]);
                cases.setString(5, KIND_ZH[k]);
                cases.setString(6, KINDS[k]);
                cases.setString(7, CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
                cases.setString(8, "案件" + i + "：未经批准占用土地");
                cases.setString(9, "PERSON");
                cases.setString(10, party);
                cases.setString(11, "430421198001011239");
                cases.setBoolean(12, false);
                cases.setBoolean(13, false);
                cases.setString(14, "s" + (steps - 1));
                cases.setString(15, STEP_ZH[steps - 1]);
                cases.setString(16, "step " + (steps - 1));
                cases.setString(17, open ? "OPEN" : "CLOSED");
                cases.setDate(18, Date.valueOf(filed));
                cases.setDate(19, due == null ? null : Date.valueOf(due));
                cases.setInt(20, 10);
                cases.setLong(21, 10);
                cases.setTimestamp(22, Timestamp.from(Instant.now()));
                cases.setString(23, "bench");
                cases.addBatch();
                for (int s = 1; s <= 10; s++) {
                    events.setLong(1, row++);
                    events.setString(2, bureau);
                    events.setLong(3, id);
                    events.setInt(4, s);
                    events.setString(5, s == 1 ? "FILED" : "TRANSITION");
                    events.setString(6, s == 1 ? null : "t" + s);
                    events.setString(7, s == 1 ? null : "s" + (s - 2));
                    events.setString(8, "s" + (s - 1));
                    events.setString(9, STEP_ZH[s - 1]);
                    events.setString(10, "step " + (s - 1));
                    events.setString(11, "officer");
                    events.setTimestamp(12, Timestamp.from(Instant.now()));
                    events.setString(13, s % 3 == 0 ? "依法办理" : null);
                    events.addBatch();
                    fields.setLong(1, row++);
                    fields.setLong(2, id);
                    fields.setInt(3, s);
                    fields.setString(4, "note" + s);
                    fields.setString(5, "第" + s + "步记录：现场检查发现违法占地约" + rnd.nextInt(5000) + "平方米");
                    fields.addBatch();
                }
                for (int o = 0; o < 2; o++) {
                    officers.setLong(1, row++);
                    officers.setLong(2, id);
                    officers.setLong(3, 1 + rnd.nextInt(24));
                    officers.addBatch();
                }
                for (int t = 0; t < 2; t++) {
                    timers.setLong(1, row++);
                    timers.setString(2, bureau);
                    timers.setLong(3, id);
                    timers.setString(4, t == 0 ? "decision" : "service");
                    timers.setString(5, t == 0 ? "作出决定期限" : "送达期限");
                    timers.setString(6, t == 0 ? "Decision" : "Service");
                    timers.setString(7, "《行政处罚法》");
                    timers.setDate(8, Date.valueOf(filed));
                    timers.setDate(9, Date.valueOf(due == null ? filed.plusDays(90) : due));
                    timers.setDate(10, open && t == 0 ? null : Date.valueOf(filed.plusDays(30)));
                    timers.setInt(11, 1);
                    timers.addBatch();
                }
                if (i % 500 == 499 || i == n - 1) {
                    cases.executeBatch();
                    events.executeBatch();
                    fields.executeBatch();
                    officers.executeBatch();
                    timers.executeBatch();
                    c.commit();
                }
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
        System.out.printf("generated %d cases, %d events%n", n, n * 10L);
    }

    private CaseDataGenerator() {}
}
