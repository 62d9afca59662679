package org.zhifa.gongshi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa public disclosure site (公示网站) and service-hall board (服务大厅公示屏)")
public @interface SiteConfig {

    String PID = "org.zhifa.gongshi";

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: what 'today' and a date are")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Base URL", description = "The site's public address for the Atom feed's links, "
            + "e.g. https://gongshi.example.gov.cn; empty = taken from each request")
    String baseUrl() default "";

    @AttributeDefinition(name = "List page size", description = "Items per page of the decision, notice and takedown lists")
    int pageSize() default 20;

    @AttributeDefinition(name = "Home page items", description = "How many of the latest decisions the home page lists")
    int homeItems() default 10;

    @AttributeDefinition(name = "Feed entries", description = "How many publications and withdrawals the Atom feed carries")
    int feedEntries() default 50;

    @AttributeDefinition(name = "Board hall", description = "The service hall's name shown on the board")
    String board_hall() default "政务服务大厅";

    @AttributeDefinition(name = "Board rotation", description = "Seconds each page of the board stays on screen")
    int board_rotateSeconds() default 15;

    @AttributeDefinition(name = "Board page size", description = "Officers per board page (8 fit 1920x1080)")
    int board_pageSize() default 8;

    @AttributeDefinition(name = "Units on duty", description = "Units shown every day; empty = every unit")
    String[] board_dutyUnits() default {};

    @AttributeDefinition(name = "Duty roster", description = "Units on duty per weekday, e.g. MONDAY=执法监察大队|耕地保护科; "
            + "a weekday listed here replaces the units on duty for that day")
    String[] board_roster() default {};
}
