package org.zhifa.channel.newspaper.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa newspaper channel (报纸公告)")
public @interface NewspaperConfig {

    String PID = "org.zhifa.channel.newspaper";

    @AttributeDefinition(name = "Newspaper", description = "The newspaper's name, e.g. 衡阳日报")
    String newspaper_name() default "报社";

    @AttributeDefinition(name = "Newspaper e-mail", description = "Where the e-mail package is addressed (the newspaper's "
            + "notice desk); empty = no e-mail package until it is set")
    String newspaper_address() default "";

    @AttributeDefinition(name = "Bureau e-mail", description = "The sender of the e-mail package (the bureau's address)")
    String from_address() default "";

    @AttributeDefinition(name = "Body font files", description = "PDF body font (仿宋's place): candidates separated by ';', "
            + "the first readable one with Chinese glyphs wins; a .ttc collection takes ,index (Noto CJK: 2 = SC)")
    String font_body() default "${karaf.etc}/fonts/fangsong.ttf;/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2;"
            + "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";

    @AttributeDefinition(name = "Title font files", description = "PDF title font (小标宋's place), candidates as for the body")
    String font_title() default "${karaf.etc}/fonts/xiaobiaosong.ttf;/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc,2;"
            + "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc,2;/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2";

    @AttributeDefinition(name = "DOCX body font", description = "Font family the DOCX names for the body")
    String docx_body() default "仿宋_GB2312";

    @AttributeDefinition(name = "DOCX title font", description = "Font family the DOCX names for titles")
    String docx_title() default "方正小标宋简体";

    @AttributeDefinition(name = "DOCX fallback font", description = "The alternative family the DOCX declares for both")
    String docx_fallback() default "Noto Serif CJK SC";

    @AttributeDefinition(name = "Types", description = "Item types in an edition unless a request names others: "
            + "NOTICE (公告), DECISION (决定摘要), CATALOGUE (清单)")
    String[] types() default {"NOTICE", "DECISION"};

    @AttributeDefinition(name = "Edition title", description = "{bureau}, {newspaper}, {from} and {to} are replaced")
    String edition_title() default "{bureau}行政执法公告（{from}至{to}）";

    @AttributeDefinition(name = "Longest period", description = "Days an edition may cover at most")
    int maxDays() default 366;

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: which day a publication belongs to")
    String zone() default "Asia/Shanghai";
}
