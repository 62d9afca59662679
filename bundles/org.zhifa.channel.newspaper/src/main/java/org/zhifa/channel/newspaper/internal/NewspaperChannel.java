package org.zhifa.channel.newspaper.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.PublishingChannel;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * The newspaper channel (C4): keeps every delivered item version and withdrawal in its own tables, and composes
 * from them the edition of a period as PDF, DOCX and an e-mail package. Configuration changes apply to the next
 * edition; the stored deliveries are untouched.
 */
@Component(service = {PublishingChannel.class, NewspaperChannel.class}, configurationPid = NewspaperConfig.PID,
        property = PublishingChannel.PROPERTY_CHANNEL + "=" + NewspaperChannel.ID)
@Designate(ocd = NewspaperConfig.class)
public class NewspaperChannel implements PublishingChannel {
    static final String ID = "newspaper";
    private static final Logger LOG = LoggerFactory.getLogger(NewspaperChannel.class);
    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Formats an edition comes in. */
    enum Format {
        PDF("application/pdf"), DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        EML("message/rfc822");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Format parse(String text) {
            String f = text == null || text.isBlank() ? "pdf" : text.strip().toLowerCase(Locale.ROOT);
            for (Format x : values()) {
                if (x.extension().equals(f)) {
                    return x;
                }
            }
            throw Messages.invalid("NEWSPAPER_FORMAT_INVALID", "format", text);
        }
    }

    /** A rendered file. */
    record File(String name, String mediaType, byte[] content) {}

    private final EditionStore store;
    private final String bureauName;
    private final Clock clock;
    private volatile NewspaperConfig config;

    @Activate
    public NewspaperChannel(@Reference(target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                            @Reference BureauInfo bureau, @Reference SchemaMigrator migrator, NewspaperConfig config,
                            BundleContext context) {
        this(dataSource, bureau.code(), bureau.name(), config, Clock.systemUTC());
        migrator.migrate("newspaper", context.getBundle());
        LOG.info("newspaper channel: {} ({})", config.newspaper_name(), ID);
    }

    /** For tests: the schema is already there. */
    NewspaperChannel(DataSource dataSource, String bureauCode, String bureauName, NewspaperConfig config, Clock clock) {
        this.store = new EditionStore(dataSource, bureauCode);
        this.bureauName = bureauName;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(NewspaperConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(locale, "channel.title");
    }

    /** Idempotent per (public id, version, action): a stored version or withdrawal is never stored twice. */
    @Override
    public DeliveryResult deliver(Delivery d) {
        PublicItem item = d.item();
        if (item == null || item.publicId() == null || !PUBLIC_ID.matcher(item.publicId()).matches() || item.type() == null
                || item.version() < 1 || item.title() == null || item.title().isBlank()) {
            String which = item == null ? "-" : item.publicId() + " v" + item.version();
            return DeliveryResult.failed(Messages.text(Locale.SIMPLIFIED_CHINESE, "NEWSPAPER_ITEM_INVALID", which) + " / "
                    + Messages.text(Locale.ENGLISH, "NEWSPAPER_ITEM_INVALID", which));
        }
        Instant now = clock.instant();
        try {
            switch (d.action()) {
                case PUBLISH, UPDATE -> store.storeVersion(item, d.outboxId(), now);
                case WITHDRAW -> store.storeWithdrawal(item, d.outboxId(), now);
                default -> throw new IllegalArgumentException("unknown action " + d.action());
            }
        } catch (SQLException e) {
            LOG.warn("newspaper delivery {} of {} v{} failed: {}", d.action(), item.publicId(), item.version(), e.getMessage());
            return DeliveryResult.retry("database: " + e.getMessage());
        }
        return DeliveryResult.done("newspaper:" + item.publicId() + ":" + item.version());
    }

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** The configured default types. */
    Set<ItemType> defaultTypes() {
        return types(String.join(",", config.types()));
    }

    /** NOTICE,DECISION,… (empty = the configured types). */
    Set<ItemType> types(String text) {
        if (text == null || text.isBlank()) {
            text = String.join(",", config.types());
        }
        EnumSet<ItemType> out = EnumSet.noneOf(ItemType.class);
        for (String t : text.split("[,;\\s]+")) {
            if (t.isBlank()) {
                continue;
            }
            try {
                out.add(ItemType.valueOf(t.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Messages.invalid("NEWSPAPER_TYPES_INVALID", "types", text);
            }
        }
        if (out.isEmpty()) {
            throw Messages.invalid("NEWSPAPER_TYPES_INVALID", "types", text);
        }
        return out;
    }

    /** yyyy-MM-dd, from ≤ to, at most maxDays. */
    LocalDate[] period(String from, String to) {
        LocalDate f;
        LocalDate t;
        try {
            f = LocalDate.parse(from == null ? "" : from.strip());
            t = LocalDate.parse(to == null ? "" : to.strip());
        } catch (DateTimeParseException e) {
            throw Messages.invalid("NEWSPAPER_PERIOD_INVALID", "from", from + " – " + to);
        }
        if (t.isBefore(f)) {
            throw Messages.invalid("NEWSPAPER_PERIOD_INVALID", "to", from + " – " + to);
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > config.maxDays()) {
            throw Messages.invalid("NEWSPAPER_PERIOD_TOO_LONG", "to", String.valueOf(config.maxDays()));
        }
        return new LocalDate[] {f, t};
    }

    /** The edition of a period; staff only. */
    Edition edition(LocalDate from, LocalDate to, Set<ItemType> types, Actor actor) {
        staff(actor);
        NewspaperConfig c = config;
        ZoneId zone = ZoneId.of(c.zone());
        try {
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            List<Entry> entries = Composer.entries(store.versionsBefore(end), store.withdrawalsBefore(end), from, to, zone,
                    types, store::text);
            String title = c.edition_title().replace("{bureau}", bureauName).replace("{newspaper}", c.newspaper_name())
                    .replace("{from}", Block.date(from)).replace("{to}", Block.date(to));
            return new Edition(from, to, types, title, bureauName, c.newspaper_name(), zone, entries);
        } catch (SQLException e) {
            throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "NEWSPAPER_DATABASE", null, e.getMessage());
        }
    }

    File render(Edition edition, Format format) {
        NewspaperConfig c = config;
        String stem = edition.fileStem();
        return switch (format) {
            case PDF -> new File(stem + ".pdf", format.mediaType, pdf(edition, c));
            case DOCX -> new File(stem + ".docx", format.mediaType, docx(edition, c));
            case EML -> {
                String to = c.newspaper_address() == null ? "" : c.newspaper_address().strip();
                String from = c.from_address() == null ? "" : c.from_address().strip();
                if (!EmlEdition.valid(to) || !EmlEdition.valid(from)) {
                    throw Messages.error(ZhifaException.Kind.CONFLICT, "NEWSPAPER_ADDRESS_MISSING", "newspaper.address",
                            "newspaper.address=" + to + ", from.address=" + from);
                }
                yield new File(stem + ".eml", format.mediaType, EmlEdition.render(edition, from, to, pdf(edition, c),
                        docx(edition, c), clock.instant().atZone(edition.zone())));
            }
        };
    }

    private static byte[] pdf(Edition edition, NewspaperConfig c) {
        return PdfEdition.render(edition, new Fonts(c.font_body()), new Fonts(c.font_title()));
    }

    private static byte[] docx(Edition edition, NewspaperConfig c) {
        return DocxEdition.render(edition, c.docx_body(), c.docx_title(), c.docx_fallback());
    }

    static void staff(Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "NEWSPAPER_UNAUTHENTICATED", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "NEWSPAPER_FORBIDDEN", null);
        }
    }

    static List<String> typeNames() {
        return Arrays.stream(ItemType.values()).map(Enum::name).toList();
    }
}
