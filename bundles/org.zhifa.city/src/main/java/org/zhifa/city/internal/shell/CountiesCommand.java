package org.zhifa.city.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.city.internal.CityCommands;

/** Lists the registered counties with their latest accepted tree head and open alarms. */
@Command(scope = "zhifa", name = "city-counties", description = "Lists the counties registered at the city platform (县区)")
@Service
public class CountiesCommand implements Action {

    @Reference
    CityCommands city;

    @Override
    public Object execute() {
        System.out.print(city.countiesTable());
        return null;
    }
}
