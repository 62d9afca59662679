package org.zhifa.console.internal;

import java.util.Map;
import java.util.Properties;

import javax.servlet.Servlet;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Authenticator;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.RecordService;
import org.zhifa.console.spi.ConsoleView;

import com.vaadin.osgi.resources.VaadinResourceService;
import com.vaadin.server.CustomizedSystemMessages;
import com.vaadin.server.DeploymentConfiguration;
import com.vaadin.server.SessionInitListener;
import com.vaadin.server.UIClassSelectionEvent;
import com.vaadin.server.UICreateEvent;
import com.vaadin.server.UIProvider;
import com.vaadin.server.VaadinServlet;
import com.vaadin.ui.UI;

/**
 * The staff console at {@code /console/*} on the HTTP whiteboard. Also the registry of plug-in
 * views: every {@link ConsoleView} service is collected here and shown in every open session.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + ConsoleServlet.PATTERN,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=zhifa-console",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED + "=true"})
public class ConsoleServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);

    static final String PATH = "/console";
    static final String PATTERN = PATH + "/*";

    private final transient PersonnelService personnel;
    private final transient Authenticator authenticator;
    private final String resourcesPath;
    private final transient ViewRegistry views = new ViewRegistry();
    private transient volatile BureauInfo bureau;
    private transient volatile RecordService record;

    @Activate
    public ConsoleServlet(@Reference PersonnelService personnel, @Reference VaadinResourceService resources,
                          @Reference Authenticator authenticator) {
        this.authenticator = authenticator;
        this.personnel = personnel;
        // Themes, widgetset and vaadinBootstrap.js live in Vaadin's own whiteboard context.
        this.resourcesPath = "/" + resources.getResourcePathPrefix();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBureau(BureauInfo info) {
        this.bureau = info;
    }

    void unsetBureau(BureauInfo info) {
        if (this.bureau == info) {
            this.bureau = null;
        }
    }

    /** Optional: without the record there is no verification alarm. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRecord(RecordService service) {
        this.record = service;
    }

    void unsetRecord(RecordService service) {
        if (this.record == service) {
            this.record = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedView")
    void addView(ConsoleView view, Map<String, Object> props) {
        Object id = props.get(ConsoleView.PROPERTY_VIEW);
        ViewRegistry.Entry entry = new ViewRegistry.Entry(id == null ? null : id.toString(), view,
                ViewRegistry.ranking(props.get(Constants.SERVICE_RANKING)),
                (Long) props.get(Constants.SERVICE_ID));
        if (!views.add(entry)) {
            LOG.warn("console view {} ignored: property {} must be a URL-safe id other than '{}', was {}",
                    view.getClass().getName(), ConsoleView.PROPERTY_VIEW, PersonnelView.ID, id);
        }
    }

    void updatedView(ConsoleView view, Map<String, Object> props) {
        views.remove((Long) props.get(Constants.SERVICE_ID));
        addView(view, props);
    }

    void removeView(ConsoleView view, Map<String, Object> props) {
        views.remove((Long) props.get(Constants.SERVICE_ID));
    }

    @Override
    protected DeploymentConfiguration createDeploymentConfiguration(Properties initParameters) {
        initParameters.setProperty(com.vaadin.server.Constants.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        initParameters.setProperty(com.vaadin.server.Constants.PARAMETER_VAADIN_RESOURCES, resourcesPath);
        return super.createDeploymentConfiguration(initParameters);
    }

    @Override
    protected void servletInitialized() {
        ConsoleServices services = new ConsoleServices(personnel, () -> bureau, views, authenticator,
                () -> record);
        UIProvider provider = new UIProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public Class<? extends UI> getUIClass(UIClassSelectionEvent event) {
                return ConsoleUI.class;
            }

            @Override
            public UI createInstance(UICreateEvent event) {
                return new ConsoleUI(services);
            }
        };
        SessionInitListener listener = event -> {
            // Chinese first, whatever the browser asks for.
            event.getSession().setLocale(Messages.ZH);
            event.getSession().addUIProvider(provider);
        };
        getService().addSessionInitListener(listener);
        getService().setSystemMessagesProvider(info -> systemMessages(Messages.of(info.getLocale())));
    }

    /** Vaadin's own messages (connection lost, session expired, ...) in the UI's language. */
    static CustomizedSystemMessages systemMessages(Messages m) {
        CustomizedSystemMessages s = new CustomizedSystemMessages();
        s.setCommunicationErrorCaption(m.get("system.communication.caption"));
        s.setCommunicationErrorMessage(m.get("system.continue"));
        s.setAuthenticationErrorCaption(m.get("system.authentication.caption"));
        s.setAuthenticationErrorMessage(m.get("system.continue"));
        s.setSessionExpiredCaption(m.get("system.sessionExpired.caption"));
        s.setSessionExpiredMessage(m.get("system.continue"));
        s.setInternalErrorCaption(m.get("system.internal.caption"));
        s.setInternalErrorMessage(m.get("system.continue"));
        s.setCookiesDisabledCaption(m.get("system.cookies.caption"));
        s.setCookiesDisabledMessage(m.get("system.cookies.message"));
        return s;
    }

}
