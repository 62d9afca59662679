package org.zhifa.channel.newspaper.internal;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;

/** The channel on a real in-memory Derby with the shipped schema, a fixed clock and the shipped defaults. */
final class Fixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    static final String BUREAU = "衡阳县自然资源局";

    final EmbeddedDataSource ds;
    final NewspaperChannel channel;
    private long outbox = 1;

    Fixture(Map<String, Object> config) throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:np" + System.nanoTime());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             InputStream in = Fixture.class.getResourceAsStream("/db/newspaper/V1__newspaper.sql")) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^;\\s*$")) {
                String stmt = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!stmt.isEmpty()) {
                    st.execute(stmt);
                }
            }
        }
        channel = new NewspaperChannel(ds, "430421", BUREAU, config(config),
                Clock.fixed(Instant.parse("2026-03-31T02:00:00Z"), ZONE));
    }

    Fixture() throws Exception {
        this(Map.of());
    }

    /** The configuration annotation with its defaults, some overridden (keys are method names). */
    static NewspaperConfig config(Map<String, Object> values) {
        return (NewspaperConfig) Proxy.newProxyInstance(NewspaperConfig.class.getClassLoader(),
                new Class<?>[] {NewspaperConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> NewspaperConfig.class;
                        case "hashCode" -> 0;
                        case "equals" -> proxy == args[0];
                        default -> "config";
                    };
                });
    }

    static Instant at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant();
    }

    static PublicItem item(String id, int version, ItemType type, String title, String text, String day) {
        return new PublicItem(id, version, type, type == ItemType.DECISION ? "penalty" : null,
                type == ItemType.DECISION ? "行政处罚" : null, title, type == ItemType.DECISION ? "衡自然资罚〔2026〕" + id.length() + "号" : null,
                type == ItemType.DECISION ? "湖南某某建材有限公司" : null, type == ItemType.DECISION ? LocalDate.parse(day) : null,
                at(day), null, text, null, List.of(), null, null, null);
    }

    static PublicItem withdrawal(PublicItem p, String day, WithdrawalGround ground, String reason) {
        return new PublicItem(p.publicId(), p.version(), p.type(), p.kind(), p.kindTitleZh(), p.title(), p.caseNumber(),
                p.partyName(), p.decidedOn(), p.publishedAt(), null, p.text(), null, List.of(), at(day), ground, reason);
    }

    DeliveryResult publish(PublicItem item) {
        return channel.deliver(new Delivery(outbox++, item.version() == 1 ? Delivery.Action.PUBLISH : Delivery.Action.UPDATE,
                item, 1, null));
    }

    DeliveryResult withdraw(PublicItem item) {
        return channel.deliver(new Delivery(outbox++, Delivery.Action.WITHDRAW, item, 1, null));
    }

    Edition edition(String from, String to) {
        return channel.edition(LocalDate.parse(from), LocalDate.parse(to), Set.of(ItemType.NOTICE, ItemType.DECISION), OFFICER);
    }
}
