package org.zhifa.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Authenticator;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.rest.CaseSubResource;
import org.zhifa.api.rest.RestResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The CXF JAX-RS server behind /api: the core resources plus every service carrying
 * {@link RestResource#PROPERTY_RESOURCE}, which {@link ContributedResources} serves. The server is built
 * once; plug-in endpoints appear and disappear with their bundles without interrupting the others.
 */
@Component(immediate = true, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final ContributedResources contributed = new ContributedResources();
    private final Map<ServiceReference<Object>, Object> references = new ConcurrentSkipListMap<>();
    private final ServiceTracker<Object, Object> tracker;
    private final Server server;

    @Activate
    public RestServer(@Reference PersonnelService personnel, @Reference BureauInfo bureau,
                      @Reference Authenticator authenticator, RestConfig config, BundleContext context)
            throws InvalidSyntaxException {
        ObjectMapper json = JsonMapper.create();
        OpenApiResource openApi = new OpenApiResource(context.getBundle(), () -> List.copyOf(references.keySet()),
                () -> references.entrySet().stream()
                        .filter(e -> e.getKey().getProperty(RestResource.PROPERTY_RESOURCE) != null)
                        .map(e -> ContributedResources.key(e.getValue())).collect(java.util.stream.Collectors.toSet()));
        List<Object> resources = List.of(new HealthResource(bureau, personnel), new PersonnelResource(personnel, new SerializedPages(json)),
                new PublicCertificateResource(personnel), openApi,
                new VersionResource(context.getBundle().getVersion().toString()), contributed);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            JAXRSServerFactoryBean bean = new JAXRSServerFactoryBean();
            bean.setBus(BusFactory.getDefaultBus(true));
            bean.setAddress("/");
            bean.setServiceBeans(resources);
            bean.setProviders(List.of(new JacksonJsonProvider(json),
                    new AuthFilter(authenticator, config.loginCacheSeconds(), config.maxBodyBytes(), contributed),
                    new ExceptionMappers.Domain(), new ExceptionMappers.Json(), new ExceptionMappers.Web(),
                    new ExceptionMappers.Any()));
            server = bean.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        tracker = new ServiceTracker<>(context,
                context.createFilter("(|(" + RestResource.PROPERTY_RESOURCE + "=true)(" + CaseSubResource.PROPERTY_PART
                        + "=*))"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object resource = context.getService(ref);
                if (resource == null) {
                    return null;
                }
                if (ref.getProperty(RestResource.PROPERTY_RESOURCE) == null) {
                    // a case part: CasesResource serves it; tracked here for the OpenAPI document only
                    references.put(ref, resource);
                    return resource;
                }
                try {
                    contributed.add(resource);
                } catch (IllegalArgumentException e) {
                    LOG.error("REST resource of {} refused: {}", ref.getBundle().getSymbolicName(), e.getMessage());
                    context.ungetService(ref);
                    return null;
                }
                references.put(ref, resource);
                LOG.info("zhifa REST API: {} added by {}", ContributedResources.key(resource),
                        ref.getBundle().getSymbolicName());
                return resource;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object resource) {
                references.remove(ref);
                if (ref.getProperty(RestResource.PROPERTY_RESOURCE) == null) {
                    context.ungetService(ref);
                    return;
                }
                contributed.remove(resource);
                LOG.info("zhifa REST API: {} removed", ContributedResources.key(resource));
                context.ungetService(ref);
            }
        };
        tracker.open(true);
        LOG.info("zhifa REST API serving under /api");
    }

    @Deactivate
    public void deactivate() {
        tracker.close();
        server.destroy();
    }
}
