package org.zhifa.calendar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.zhifa.calendar", name = "zhifa working-day calendar",
        description = "Public holidays and adjusted working days (节假日与调休) of the State Council")
public @interface CalendarConfig {

    @AttributeDefinition(name = "Holidays file",
            description = "JSON schedules shipped with zhifa; ${karaf.etc} is resolved. Database edits override it per year.")
    String holidaysFile() default "${karaf.etc}/zhifa-holidays.json";
}
