package org.zhifa.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.cxf.Bus;
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
import org.zhifa.api.rest.RestResource;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The CXF JAX-RS server behind /api: the core resources plus every service carrying
 * {@link RestResource#PROPERTY_RESOURCE}. When a contributed resource comes or goes the server is
 * rebuilt, so plug-in endpoints appear and disappear with their bundles.
 */
@Component(immediate = true, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final RestConfig config;
    private final Authenticator authenticator;
    private final List<Object> coreResources;
    private final OpenApiResource openApi;
    private final Map<ServiceReference<Object>, Object> contributed = new ConcurrentSkipListMap<>();
    private final ServiceTracker<Object, Object> tracker;
    private Server server;
    private boolean active = true;

    @Activate
    public RestServer(@Reference PersonnelService personnel, @Reference BureauInfo bureau,
                      @Reference Authenticator authenticator, RestConfig config, BundleContext context)
            throws InvalidSyntaxException {
        this.config = config;
        this.authenticator = authenticator;
        this.openApi = new OpenApiResource(context.getBundle(), () -> List.copyOf(contributed.keySet()));
        this.coreResources = List.of(new HealthResource(bureau, personnel), new PersonnelResource(personnel),
                new PublicCertificateResource(personnel), openApi,
                new VersionResource(context.getBundle().getVersion().toString()));
        rebuild();
        tracker = new ServiceTracker<>(context,
                context.createFilter("(" + RestResource.PROPERTY_RESOURCE + "=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object resource = context.getService(ref);
                if (resource != null) {
                    contributed.put(ref, resource);
                    rebuild();
                }
                return resource;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object service) {
                contributed.remove(ref);
                rebuild();
                context.ungetService(ref);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    public synchronized void deactivate() {
        active = false;
        tracker.close();
        stop();
    }

    private synchronized void rebuild() {
        if (!active) {
            return;
        }
        stop();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            Bus bus = BusFactory.getDefaultBus(true);
            JAXRSServerFactoryBean bean = new JAXRSServerFactoryBean();
            bean.setBus(bus);
            bean.setAddress("/");
            List<Object> beans = new ArrayList<>(coreResources);
            beans.addAll(contributed.values());
            bean.setServiceBeans(beans);
            JacksonJsonProvider json = new JacksonJsonProvider(JsonMapper.create());
            bean.setProviders(List.of(json, new AuthFilter(authenticator, config.loginCacheSeconds(),
                    config.maxBodyBytes()), new ExceptionMappers.Domain(), new ExceptionMappers.Json(),
                    new ExceptionMappers.Web(), new ExceptionMappers.Any()));
            server = bean.create();
            LOG.info("zhifa REST API serving {} resources ({} contributed)", beans.size(), contributed.size());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void stop() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }
}
