package org.zhifa.city.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.city.internal.CityCommands;

/** The city's alarms (forged, fork/rewrite, conflict); {@code --ack <id> <reason>} acknowledges one (管理员). */
@Command(scope = "zhifa", name = "city-alarms",
        description = "Lists the city platform's alarms; exits non-zero while one is open; --ack acknowledges one")
@Service
public class AlarmsCommand implements Action {

    @Reference
    CityCommands city;

    @Reference
    ShellUser user;

    @Option(name = "--all", description = "Also acknowledged alarms")
    boolean all;

    @Option(name = "--ack", description = "Acknowledge this alarm with the reason that follows")
    long ack;

    @Argument(index = 0, name = "reason", multiValued = true, description = "The reason of an acknowledgement")
    List<String> reason;

    @Override
    public Object execute() {
        try {
            if (ack > 0) {
                System.out.println(city.acknowledge(ack, reason == null ? "" : String.join(" ", reason), user.current()));
                return null;
            }
            CityCommands.Listing l = city.alarmsTable(all);
            System.out.print(l.text());
            if (l.open() > 0) {
                throw new IllegalStateException(Shell.both("shell.alarmsOpen", l.open()));
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Shell.refusal(e);
        }
        return null;
    }
}
