package org.zhifa.api.casereview;

/** The grade of a reviewed case file; the thresholds are configuration. */
public enum Grade {
    /** 优秀 */
    EXCELLENT("优秀", "excellent"),
    /** 合格 */
    PASS("合格", "pass"),
    /** 不合格 */
    FAIL("不合格", "fail");

    private final String zh;
    private final String en;

    Grade(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String titleZh() { return zh; }

    public String titleEn() { return en; }

    public String title(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
