package org.zhifa.channel.city.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.PublishingChannel;
import org.zhifa.api.record.RecordService;
import org.zhifa.channel.city.internal.PushStatus.Stream;

/**
 * The city platform channel (C5, county side): item versions and withdrawals come from the outbox; the
 * record's signed tree head and the monthly statistics go out on this component's own schedule, and
 * again as soon as the city answers after a failure. A refused tree head shows in the channel's title, so
 * the disclosure console's channel list carries the alarm too.
 */
@Component(service = {PublishingChannel.class, CityChannel.class}, configurationPid = CityConfig.PID,
        property = PublishingChannel.PROPERTY_CHANNEL + "=" + CityChannel.ID)
@Designate(ocd = CityConfig.class)
public class CityChannel implements PublishingChannel {
    static final String ID = "city";
    private static final Logger LOG = LoggerFactory.getLogger(CityChannel.class);
    private static final long STATISTICS_CHECK_MINUTES = 10;

    private final CityPusher pusher;
    private final BureauInfo bureau;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhifa-channel-city");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> heads;
    private ScheduledFuture<?> stats;
    private int scheduledMinutes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DisclosureService disclosure;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StatisticsService statistics;

    @Activate
    public CityChannel(@Reference(name = "bureau") BureauInfo bureau, @Reference(name = "record") RecordService record,
                       CityConfig config) {
        this.bureau = bureau;
        this.pusher = new CityPusher(bureau, record, () -> disclosure, () -> statistics, Clock.systemUTC());
        pusher.onCityBack(this::catchUp);
        pusher.configure(Settings.of(config, bureau.code()));
        schedule();
    }

    @Modified
    void modified(CityConfig config) {
        pusher.configure(Settings.of(config, bureau.code()));
        schedule();
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private synchronized void schedule() {
        int minutes = pusher.settings().treeHeadMinutes();
        if (heads == null || minutes != scheduledMinutes) {
            if (heads != null) {
                heads.cancel(false);
            }
            scheduledMinutes = minutes;
            heads = timer.scheduleWithFixedDelay(this::safeTreeHead, 0, minutes, TimeUnit.MINUTES);
        } else {
            timer.execute(this::safeTreeHead);
        }
        if (stats == null) {
            stats = timer.scheduleWithFixedDelay(this::safeStatistics, 0, STATISTICS_CHECK_MINUTES, TimeUnit.MINUTES);
        } else {
            timer.execute(this::safeStatistics);
        }
    }

    /** The city answered again: push at once what failed, instead of waiting for the next tick. */
    private void catchUp() {
        if (pusher.status.failing(Stream.TREE_HEADS)) {
            timer.execute(this::safeTreeHead);
        }
        if (pusher.status.failing(Stream.STATISTICS)) {
            timer.execute(() -> log(pusher.pushStatistics(), "statistics"));
        }
    }

    private void safeTreeHead() {
        log(pusher.pushTreeHead(), "tree head");
    }

    private void safeStatistics() {
        if (pusher.statisticsDue()) {
            log(pusher.pushStatistics(), "statistics");
        }
    }

    private static void log(Outcome o, String what) {
        switch (o.state()) {
            case DONE -> LOG.debug("city {}: {}", what, o.receipt());
            case RETRY -> LOG.info("city {} not pushed, will retry: {}", what, o.message());
            case FAILED -> LOG.error("city {} refused: {}", what, o.message());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        String alarm = pusher.status.scheduledAlarm();
        return alarm == null ? Texts.of(locale, "channel.title") : Texts.of(locale, "channel.title.alarm", alarm);
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return pusher.deliver(delivery);
    }

    /** The status for REST and shell: configuration, each stream's last success, error and alarm. */
    Map<String, Object> status() {
        return pusher.statusMap();
    }

    /** Pushes the tree head and the statistics now, on the channel's own thread, and returns both outcomes. */
    Map<String, Outcome> pushNow() {
        Future<Outcome> h = timer.submit(pusher::pushTreeHead);
        Future<Outcome> s = timer.submit(pusher::pushStatistics);
        Map<String, Outcome> out = new LinkedHashMap<>();
        out.put("treeHead", await(h));
        out.put("statistics", await(s));
        return out;
    }

    private Outcome await(Future<Outcome> f) {
        long seconds = pusher.settings().readTimeout().toSeconds() * 4 + pusher.settings().connectTimeout().toSeconds() * 4;
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("INTERRUPTED", Texts.both("retry.interrupted"));
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.failed("PUSH", String.valueOf(e.getMessage()));
        }
    }
}
