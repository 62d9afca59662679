package org.zhifa.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.zhifa.documents", name = "zhifa documents",
        description = "Fonts and type size of enforcement documents (执法文书)")
public @interface DocumentsConfig {

    @AttributeDefinition(name = "Font files",
            description = "Candidate Chinese font files for PDF, the first readable one with Chinese glyphs wins: "
                    + ".ttf, .otf or .ttc (a collection takes ',index', e.g. NotoSerifCJK-Regular.ttc,2 for "
                    + "Simplified Chinese). In a .cfg file separate them with ';'. ${karaf.etc} and ${karaf.home} "
                    + "are resolved.")
    String[] fontFiles() default {
        "${karaf.etc}/fonts/document.ttf",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
        "/usr/share/fonts/truetype/arphic/uming.ttc,0",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
        "C:/Windows/Fonts/simfang.ttf",
        "C:/Windows/Fonts/simsun.ttc,0"
    };

    @AttributeDefinition(name = "Font family",
            description = "Font family named in DOCX files (East Asian and Latin), e.g. 仿宋_GB2312 for GB/T 9704; "
                    + "empty: the family of the PDF font")
    String fontFamily() default "";

    @AttributeDefinition(name = "Font size", description = "Body text size in points (title and headings scale with it)")
    float fontSize() default 14f;
}
