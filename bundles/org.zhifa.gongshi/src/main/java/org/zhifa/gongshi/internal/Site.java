package org.zhifa.gongshi.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * What the public site holds: exactly what the outbox delivered to the website channel, stored in the site's own
 * tables and indexed in memory. The site never reads the disclosure service: a delivery is the only way in.
 */
@Component(service = Site.class, configurationPid = SiteConfig.PID)
@Designate(ocd = SiteConfig.class)
public class Site {
    private static final Logger LOG = LoggerFactory.getLogger(Site.class);
    /** Public ids are the disclosure service's random ids: URL-safe, nothing to escape, nothing to traverse. */
    static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    final SiteStore store;
    final SiteIndex index;
    private final ZoneId zone;
    private final Clock clock;

    @Activate
    public Site(@Reference(target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                @Reference BureauInfo bureau, @Reference SchemaMigrator migrator, SiteConfig config,
                BundleContext context) throws SQLException {
        this(dataSource, bureau.code(), ZoneId.of(config.zone()), Clock.systemUTC(), SiteIndex.PATIENCE);
        migrator.migrate("gongshi", context.getBundle());
        long t0 = System.nanoTime();
        rebuild();
        LOG.info("public site: {} items on the site, index built in {} ms", index.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** For tests: the schema is already there. */
    Site(DataSource dataSource, String bureau, ZoneId zone, Clock clock, int patience) {
        this.store = new SiteStore(dataSource, bureau);
        this.index = new SiteIndex(patience);
        this.zone = zone;
        this.clock = clock;
    }

    void rebuild() throws SQLException {
        store.loadAll(index::put, w -> index.withdraw(w.publicId(), w.version()));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    ZoneId zone() {
        return zone;
    }

    /** The website channel's work: idempotent per (public id, version, action). */
    DeliveryResult deliver(Delivery d) {
        PublicItem item = d.item();
        if (item == null || item.publicId() == null || !PUBLIC_ID.matcher(item.publicId()).matches()
                || item.type() == null || item.version() < 1 || item.title() == null || item.title().isBlank()) {
            return DeliveryResult.failed("the website cannot show this item: public id, type, version and title are needed"
                    + (item == null ? "" : " (" + item.publicId() + ")"));
        }
        String receipt = "/gongshi/" + SiteItem.section(item.type()) + "/" + item.publicId();
        Instant now = clock.instant();
        try {
            switch (d.action()) {
                case PUBLISH, UPDATE -> store.storeVersion(item, d.outboxId(), now).ifPresent(index::put);
                case WITHDRAW -> {
                    WithdrawalGround ground = item.withdrawalGround() == null ? WithdrawalGround.OTHER : item.withdrawalGround();
                    String reason = item.withdrawalReason() == null ? "" : item.withdrawalReason().strip();
                    store.storeWithdrawal(item, reason, ground, d.outboxId(), now);
                    index.withdraw(item.publicId(), item.version());
                }
                default -> throw new IllegalArgumentException("unknown action " + d.action());
            }
        } catch (SQLException e) {
            LOG.warn("website delivery {} of {} v{} failed: {}", d.action(), item.publicId(), item.version(), e.getMessage());
            return DeliveryResult.retry("database: " + e.getMessage());
        }
        return DeliveryResult.done(receipt);
    }

    Optional<SiteItem> item(String publicId) {
        return publicId != null && PUBLIC_ID.matcher(publicId).matches() ? index.get(publicId, today()) : Optional.empty();
    }

    Page<SiteItem> search(Search s) throws SQLException {
        Map<String, Integer> text = s.fullText() && s.keyword() != null && !s.keyword().isEmpty()
                ? store.textMatches(s.keyword()) : null;
        return index.search(s, today(), text);
    }
}
