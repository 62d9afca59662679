package org.zhifa.evidence.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.evidence.EvidenceRetention;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.VerificationContributor;
import org.zhifa.api.schema.SchemaMigrator;

/** The evidence store as an OSGi component on the zhifa data source and the record. */
@Component(service = {EvidenceService.class, EvidenceRetention.class, VerificationContributor.class},
        configurationPid = "org.zhifa.evidence")
@Designate(ocd = EvidenceConfig.class)
public final class EvidenceComponent extends EvidenceServiceImpl {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceComponent.class);

    /** The case engine, when installed: it tells whether a case exists, its kind and when it closed. */
    private static final class EngineLookup implements CaseLookup {
        volatile CaseService engine;

        @Override
        public Optional<CaseInfo> find(long caseId) {
            CaseService e = engine;
            if (e == null) {
                return Optional.empty();
            }
            return e.find(caseId, SYSTEM).map(EngineLookup::info);
        }

        @Override
        public boolean available() {
            return engine != null;
        }

        private static CaseInfo info(CaseFile f) {
            List<CaseEvent> events = f.events();
            java.time.Instant closed = f.status() == CaseStatus.CLOSED && !events.isEmpty()
                    ? events.get(events.size() - 1).at() : null;
            return new CaseInfo(f.id(), f.kind(), closed);
        }
    }

    private final EngineLookup lookup;

    @Activate
    public EvidenceComponent(@Reference(name = "migrator") SchemaMigrator migrator,
                             @Reference(name = "bureau") BureauInfo bureau,
                             @Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                             @Reference(name = "record") RecordService record,
                             EvidenceConfig config, Map<String, Object> properties, BundleContext context) {
        this(migrator, bureau, dataSource, record, config, properties, context, new EngineLookup());
    }

    private EvidenceComponent(SchemaMigrator migrator, BureauInfo bureau, DataSource dataSource, RecordService record,
                              EvidenceConfig config, Map<String, Object> properties, BundleContext context,
                              EngineLookup lookup) {
        super(dataSource, record, lookup, bureau.code(), Settings.of(config, properties));
        this.lookup = lookup;
        migrator.migrate("evidence", context.getBundle());
        startSchedule();
        LOG.info("Evidence store of bureau {} at {}", bureau.code(), store().root());
    }

    @Reference(name = "cases", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCases(CaseService engine) {
        lookup.engine = engine;
    }

    void unbindCases(CaseService engine) {
        if (lookup.engine == engine) {
            lookup.engine = null;
        }
    }

    @Deactivate
    void deactivate() {
        stopSchedule();
    }
}
