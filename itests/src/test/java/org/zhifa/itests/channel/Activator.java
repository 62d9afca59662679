package org.zhifa.itests.channel;

import java.nio.file.Path;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.zhifa.api.disclosure.PublishingChannel;

/** Registers the {@link FileChannel} on the folder named by the bundle's {@code Zhifa-Test-Dir} header. */
public final class Activator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Path dir = Path.of(context.getBundle().getHeaders().get("Zhifa-Test-Dir"));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PublishingChannel.PROPERTY_CHANNEL, FileChannel.ID);
        context.registerService(PublishingChannel.class, new FileChannel(dir), props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
