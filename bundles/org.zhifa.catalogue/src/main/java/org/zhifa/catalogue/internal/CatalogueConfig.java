package org.zhifa.catalogue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa pre-disclosure catalogues (事前公开清单)")
public @interface CatalogueConfig {

    String PID = "org.zhifa.catalogue";

    @AttributeDefinition(name = "Default catalogues",
            description = "The national default content (JSON), seeded as drafts on first start; ${karaf.etc} is resolved")
    String defaultFile() default "${karaf.etc}/zhifa-catalogue-default.json";

    @AttributeDefinition(name = "Flowchart fonts",
            description = "Candidate Chinese fonts for PNG flowcharts (.ttf, .otf, .ttc), the first readable one wins; "
                    + "else the JDK's logical SansSerif font. In a .cfg file separate them with ','")
    String[] flowchartFonts() default {
        "${karaf.etc}/fonts/flowchart.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    };

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: what 'today' is")
    String zone() default "Asia/Shanghai";
}
