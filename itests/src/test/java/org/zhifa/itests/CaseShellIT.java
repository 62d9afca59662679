package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;

import com.fasterxml.jackson.databind.JsonNode;

/** zhifa:case-list, zhifa:case-show and zhifa:due through bin/client -b, as city IT runs them (P5). */
class CaseShellIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    private JsonNode newCase(String party) {
        List<Long> officers = List.of(cases.validOfficer("甲" + party), cases.validOfficer("乙" + party));
        return cases.filed("officer", Cases.penalty(party + "违法占地案", Cases.person(party), officers, false));
    }

    @Test
    void caseListFiltersAndPages() {
        JsonNode c = newCase("杨列表");
        String number = c.get("number").asText();
        String out = bureau.admin("zhifa:case-list -q 杨列表 --kind penalty --status OPEN");
        assertTrue(out.contains(number) && out.contains("杨列表违法占地案") && out.contains("立案"), out);
        assertTrue(out.contains("共 1 件") && out.contains("total 1"), out);
        out = bureau.admin("zhifa:case-list -q 杨列表 --status CLOSED");
        assertTrue(out.contains("共 0 件"), out);
        out = bureau.admin("zhifa:case-list --sort id -n 1");
        assertTrue(out.contains("showing 1"), out);

        Bureau.Shell bad = bureau.client("admin", "admin", "zhifa:case-list --status LOST");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("unknown status"), bad.output());
        bad = bureau.client("admin", "admin", "zhifa:case-list --sort party");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("SORT_UNKNOWN"), bad.output());
        bad = bureau.client("admin", "admin", "zhifa:case-list -n 0");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("LIMIT_RANGE"), bad.output());
    }

    @Test
    void caseShowByIdAndByNumber() {
        JsonNode c = newCase("朱详情");
        long id = c.get("id").asLong();
        String number = c.get("number").asText();
        String out = bureau.admin("zhifa:case-show " + id);
        assertTrue(out.contains(number) && out.contains("朱详情违法占地案"), out);
        assertTrue(out.contains("当事人 / party") && out.contains("朱详情"), out);
        assertTrue(out.contains("甲朱详情") && out.contains("乙朱详情"), out);
        assertTrue(out.contains("作出处罚决定期限") && out.contains(
                c.get("timers").get(0).get("dueOn").asText()) && out.contains("进行中 RUNNING"), out);
        assertTrue(out.contains("办理过程 / timeline") && out.contains("officer"), out);
        String byNumber = bureau.admin("zhifa:case-show '" + number + "'");
        assertTrue(byNumber.contains("ID " + id), byNumber);

        Bureau.Shell missing = bureau.client("admin", "admin", "zhifa:case-show 987654321");
        assertNotEquals(0, missing.exit(), missing.output());
        assertTrue(missing.output().contains("案件不存在") && missing.output().contains("no such case"), missing.output());
        missing = bureau.client("admin", "admin", "zhifa:case-show 衡国土资罚〔1999〕1号");
        assertNotEquals(0, missing.exit(), missing.output());
    }

    @Test
    void dueListsOverdueFirstAndRefusesABadWindow() {
        JsonNode c = newCase("秦期限");
        String number = c.get("number").asText();
        String out = bureau.admin("zhifa:due --within 365");
        assertTrue(out.contains(number) && out.contains("作出处罚决定期限"), out);
        assertTrue(out.contains("即将到期 DUE SOON"), out);
        boolean soonSeen = false;
        for (String line : out.lines().toList()) {
            soonSeen |= line.startsWith("即将到期 DUE SOON");
            assertTrue(!soonSeen || !line.startsWith("!! 逾期 OVERDUE"), "overdue rows come first:\n" + out);
        }
        out = bureau.admin("zhifa:due");
        assertTrue(!out.contains(number), "90 days ahead is not within 3 working days: " + out);
        assertTrue(out.contains("due within 3 working days"), out);

        Bureau.Shell bad = bureau.client("admin", "admin", "zhifa:due --within -1");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("DUE_WITHIN_RANGE"), bad.output());
        bad = bureau.client("admin", "admin", "zhifa:due --within x");
        assertNotEquals(0, bad.exit(), bad.output());
    }
}
