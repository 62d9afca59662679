package org.zhifa.city.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;

/**
 * What the shell commands (package {@code shell}) and the console view ask of the city, as plain text or values:
 * a public face of the internal {@link City} for the sub-packages.
 */
@Component(service = CityCommands.class)
public class CityCommands {
    private final City city;

    @Activate
    public CityCommands(@Reference City city) {
        this.city = city;
    }

    /** A listing and how many open alarms it shows. */
    public record Listing(String text, int open) {}

    public String countiesTable() {
        StringBuilder sb = new StringBuilder(String.format("%-10s %-24s %-6s %-10s %-6s%n", "代码 code", "名称 name",
                "启用", "树头 size", "告警 alarms"));
        for (Model.CountyState s : city.countyStates()) {
            sb.append(String.format("%-10s %-24s %-6s %-10s %-6d%n", s.county().code(), s.county().name(),
                    s.county().active() ? "yes" : "no", s.latest() == null ? "-" : Long.toString(s.latest().treeSize()),
                    s.openAlarms()));
        }
        return sb.toString();
    }

    /** Runs {@code work}; a refusal becomes an IllegalArgumentException with its code and both texts. */
    static <T> T refused(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (Refusal r) {
            throw new IllegalArgumentException("[" + r.code + "] " + r.messageZh + " / " + r.messageEn, r);
        }
    }

    public String register(String code, String name, String pem, String cert, boolean newToken, Boolean active,
                           String reason, Actor actor) {
        return refused(() -> doRegister(code, name, pem, cert, newToken, active, reason, actor));
    }

    private String doRegister(String code, String name, String pem, String cert, boolean newToken, Boolean active,
                              String reason, Actor actor) {
        boolean exists = city.counties().stream().anyMatch(c -> c.code().equals(code));
        City.Registered r = city.register(new Wire.CountyDraft(code, name, pem, cert, exists ? newToken : null, active,
                reason), actor);
        String saved = Texts.both("console.saved", r.county().code());
        return r.token() == null ? saved : saved + "\n" + Texts.both("console.token", r.county().code(), r.token());
    }

    public Listing alarmsTable(boolean all) {
        List<Model.Alarm> alarms = city.alarms(!all);
        StringBuilder sb = new StringBuilder();
        int open = 0;
        for (Model.Alarm a : alarms) {
            open += a.open() ? 1 : 0;
            sb.append(String.format("#%d %s %s %s %s%n    %s%n", a.id(), a.county(), Texts.both("alarm.kind." + a.kind()),
                    a.raisedAt(), a.open() ? "OPEN" : "ACK " + a.ackBy() + " " + a.ackAt() + ": " + a.ackReason(),
                    a.message()));
        }
        return new Listing(sb.toString(), open);
    }

    public String acknowledge(long id, String reason, Actor actor) {
        Model.Alarm a = refused(() -> city.acknowledge(id, reason, actor));
        return Texts.both("console.acked", a.ackBy(), a.ackReason()) + " #" + a.id();
    }

    /** Open alarms: count and a short text for the console banner, or null. */
    public String banner(java.util.Locale locale) {
        List<Model.Alarm> open = city.alarms(true);
        if (open.isEmpty()) {
            return null;
        }
        Texts t = Texts.of(locale);
        String counties = String.join(", ", open.stream().map(a -> a.county() + " " + t.get("alarm.kind." + a.kind()))
                .distinct().toList());
        return t.get("console.alarm", open.size(), counties);
    }

    City city() {
        return city;
    }
}
