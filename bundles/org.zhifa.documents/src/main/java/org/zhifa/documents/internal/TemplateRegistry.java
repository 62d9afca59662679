package org.zhifa.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;

/**
 * The extender for {@value DocumentTemplates#RESOURCE_FOLDER}: templates of active bundles, each
 * bundle's set replaced as a whole when it starts or stops. A bad template is logged and skipped, so
 * one plug-in's typo does not take the others' documents away.
 */
@Component(service = DocumentTemplates.class)
public class TemplateRegistry implements DocumentTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateRegistry.class);

    /** Bundle id → its templates; the lowest bundle id wins a clash of template ids. */
    private final Map<Long, List<DocumentTemplate>> byBundle = new ConcurrentSkipListMap<>();
    private final BundleTracker<Long> tracker;

    @Activate
    public TemplateRegistry(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                List<DocumentTemplate> templates = load(bundle);
                if (templates.isEmpty()) {
                    return null;
                }
                add(bundle.getBundleId(), templates, bundle.getSymbolicName());
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {}

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                byBundle.remove(id);
            }
        });
        tracker.open();
    }

    /**
     * Without a framework, for unit tests: sources are added by hand. Public so that plug-ins' template
     * tests (through test-support) parse with this very parser.
     */
    public TemplateRegistry() {
        tracker = null;
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        byBundle.clear();
    }

    /** Adds one source's templates; also the seam the unit tests use instead of a framework. */
    void add(long source, List<DocumentTemplate> templates, String name) {
        for (DocumentTemplate t : templates) {
            find(t.id()).ifPresent(other -> LOG.warn("Document template {} of {} ignored: another bundle has the id",
                    t.id(), name));
        }
        byBundle.put(source, List.copyOf(templates));
        LOG.info("Document templates of {}: {}", name, templates.stream().map(DocumentTemplate::id).toList());
    }

    private List<DocumentTemplate> load(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(RESOURCE_FOLDER, "*.json", false);
        if (entries == null) {
            return List.of();
        }
        List<URL> urls = Collections.list(entries);
        urls.sort(Comparator.comparing(URL::getPath));
        List<DocumentTemplate> templates = new ArrayList<>();
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                templates.add(TemplateJson.parse(in, url.getPath()));
            } catch (ZhifaException e) {
                LOG.error("Document template {} of bundle {} skipped: {}", url.getPath(), bundle.getSymbolicName(),
                        e.messageEn());
            } catch (IOException e) {
                LOG.error("Document template {} of bundle {} unreadable", url.getPath(), bundle.getSymbolicName(), e);
            }
        }
        return templates;
    }

    @Override
    public Optional<DocumentTemplate> find(String id) {
        for (List<DocumentTemplate> templates : byBundle.values()) {
            for (DocumentTemplate t : templates) {
                if (t.id().equals(id)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DocumentTemplate> all() {
        Map<String, DocumentTemplate> first = new LinkedHashMap<>();
        byBundle.values().forEach(list -> list.forEach(t -> first.putIfAbsent(t.id(), t)));
        List<DocumentTemplate> all = new ArrayList<>(first.values());
        all.sort(Comparator.comparing(DocumentTemplate::id));
        return all;
    }

    @Override
    public DocumentTemplate parse(InputStream json) {
        return TemplateJson.parse(Objects.requireNonNull(json, "json"), "(uploaded)");
    }
}
