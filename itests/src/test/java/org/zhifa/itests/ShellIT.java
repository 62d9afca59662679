package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;

/** zhifa:* commands through bin/client -b, as city IT runs them. */
class ShellIT {
    private static final String HEADER = "姓名,单位,职务,执法证号,执法类别,执法区域,有效期起,有效期止,法律职业资格\n";
    private final Bureau bureau = Bureau.shared();

    private long count(String q) {
        return Json.parse(bureau.get("/api/v1/personnel?limit=1&q=" + q, "officer").body()).get("total").asLong();
    }

    private Path csv(String name, String text, Charset charset) throws Exception {
        Path f = bureau.home.resolve("import-" + name + ".csv");
        Files.write(f, text.getBytes(charset));
        return f;
    }

    @Test
    void importsUtf8AndGbkFilesAndListsThem() throws Exception {
        String tag = Officers.certificate("IMP");
        Path utf8 = csv("utf8", HEADER + "诸葛亮," + "卧龙所,所长," + tag + "-1,土地管理;矿产资源,全县,2025-01-01,2030-01-01,是\n"
                + "\"司马, 懿\",卧龙所,,\"" + tag + "-2\",城乡规划,全县,2025-01-01,2030-01-01,否\n", StandardCharsets.UTF_8);
        Bureau.Shell r = bureau.client("admin", "admin", "zhifa:personnel-import " + utf8);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("已导入 2 名执法人员"), r.output());
        assertTrue(r.output().contains("UTF-8"), r.output());

        Path gbk = csv("gbk", HEADER + "周瑜,柴桑所,大队长," + tag + "-3,测绘地理信息,柴桑镇,2025-01-01,2030-01-01,否\r\n",
                Charset.forName("GBK"));
        r = bureau.client("admin", "admin", "zhifa:personnel-import import-gbk.csv");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("GBK"), r.output());
        assertEquals(3, count(tag));

        String list = bureau.admin("zhifa:personnel-list -q " + tag);
        assertTrue(list.contains("诸葛亮") && list.contains("司马, 懿") && list.contains("周瑜"), list);
        assertTrue(list.contains("共 3 人"), list);
        assertTrue(Files.exists(gbk));
    }

    @Test
    void aBadRowIsReportedByLineAndNothingFromTheFileIsImported() throws Exception {
        String tag = Officers.certificate("HALF");
        Path f = csv("bad", HEADER
                + "刘备,蜀所,所长," + tag + "-1,土地管理,成都,2025-01-01,2030-01-01,是\n"
                + "关羽,蜀所,队员," + tag + "-2,土地管理,荆州,2025-01-01,2030-01-01,否\n"
                + "张飞,蜀所,队员," + tag + "-3,土地管理,阆中,2031-01-01,2030-01-01,否\n", StandardCharsets.UTF_8);
        Bureau.Shell r = bureau.client("admin", "admin", "zhifa:personnel-import " + f);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("第 4 行"), r.output());
        assertTrue(r.output().contains("Line 4"), r.output());
        assertEquals(0, count(tag), "nothing from the file was imported");

        Path dup = csv("dup", HEADER
                + "曹操,魏所,所长," + tag + "-9,土地管理,许昌,2025-01-01,2030-01-01,是\n"
                + "曹丕,魏所,队员," + tag + "-9,土地管理,许昌,2025-01-01,2030-01-01,否\n", StandardCharsets.UTF_8);
        r = bureau.client("admin", "admin", "zhifa:personnel-import " + dup);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("第 3 行"), r.output());
        assertEquals(0, count(tag));

        r = bureau.client("admin", "admin", "zhifa:personnel-import /no/such/file.csv");
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("IMPORT_NO_FILE"), r.output());
    }

    @Test
    void onlyAnAdministratorMayImport() throws Exception {
        String tag = Officers.certificate("ROLE");
        Path f = csv("role", HEADER + "孙权,吴所,所长," + tag + ",土地管理,建业,2025-01-01,2030-01-01,是\n",
                StandardCharsets.UTF_8);
        // the demo officer has no shell access at all; the administrator imports
        Bureau.Shell r = bureau.client("officer", "officer", "zhifa:personnel-import " + f);
        assertNotEquals(0, r.exit(), r.output());
        assertEquals(0, count(tag));
    }

    @Test
    void healthReportsDatabaseAndBundles() {
        String out = bureau.admin("zhifa:health");
        assertTrue(out.contains("数据库 / database: UP"), out);
        assertTrue(out.contains("org.zhifa.bureau") && out.contains("ACTIVE"), out);
        assertTrue(out.contains("状态 / status: UP"), out);
    }
}
