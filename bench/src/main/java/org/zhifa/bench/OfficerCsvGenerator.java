package org.zhifa.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Random;

/** Writes a register CSV of N synthetic officers: {@code OfficerCsvGenerator FILE N PREFIX}. */
public final class OfficerCsvGenerator {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"};
    private static final String[] UNITS = {"执法监察大队", "西渡所", "井头所", "演陂所", "集兵所", "法规股"};
    private static final String[] CATEGORIES = {"土地管理", "矿产资源", "城乡规划", "测绘地理信息", "地质环境", "森林草原"};

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[0]);
        int n = Integer.parseInt(args[1]);
        String prefix = args[2];
        Random random = new Random(42);
        LocalDate base = LocalDate.of(2022, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("姓名,单位,职务,执法证号,执法类别,执法区域,有效期起,有效期止,法律职业资格\n");
            for (int i = 0; i < n; i++) {
                LocalDate from = base.plusDays(random.nextInt(1500));
                w.write(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + GIVEN[random.nextInt(GIVEN.length)] + "," + UNITS[random.nextInt(UNITS.length)] + ",执法队员,"
                        + prefix + "-" + i + "," + CATEGORIES[random.nextInt(CATEGORIES.length)] + ",衡阳县全域,"
                        + from + "," + from.plusYears(1 + random.nextInt(5)) + "," + (random.nextInt(10) == 0 ? "是" : "否")
                        + "\n");
            }
        }
    }

    private OfficerCsvGenerator() {}
}
