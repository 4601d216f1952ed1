package org.atriumcrm.plugins.internal;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.Path;

import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a plugin whose JAX-RS resource claims a path of the platform or of another module (e.g. {@code v1} or
 * {@code v1/accounts}): in the one JAX-RS application such a root path would shadow the real resource and
 * take its URLs away from everybody. The plugin is reported as failed with the reason; nothing else changes.
 */
@Component(immediate = true, service = ResourcePathGuard.class)
public class ResourcePathGuard implements ServiceListener {
    private static final Set<String> PLATFORM_ROOTS = Set.of("v1", "v1/meta", "v1/admin", "v1/admin/plugins",
            "v1/recycle-bin", "v1/health", "v1/me", "openapi.json");
    private static final Logger LOG = LoggerFactory.getLogger(ResourcePathGuard.class);

    private final BundleContext context;
    private final PluginManager plugins;
    private final ModuleRegistry modules;
    private final ExecutorService stopper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-plugin-guard");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ResourcePathGuard(BundleContext context, @Reference PluginManager plugins, @Reference ModuleRegistry modules)
            throws InvalidSyntaxException {
        this.context = context;
        this.plugins = plugins;
        this.modules = modules;
        context.addServiceListener(this, "(osgi.jaxrs.resource=true)");
        ServiceReference<?>[] existing = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
        if (existing != null) {
            for (ServiceReference<?> ref : existing) {
                check(ref);
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context.removeServiceListener(this);
        stopper.shutdown();
        stopper.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            check(event.getServiceReference());
        }
    }

    private void check(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null || !plugins.isPlugin(bundle)) {
            return;
        }
        Object resource = context.getService(ref);
        try {
            Path path = resource == null ? null : resource.getClass().getAnnotation(Path.class);
            if (path == null) {
                return;
            }
            String root = path.value().replaceAll("^/+|/+$", "");
            String owner = owner(root, bundle.getHeaders().get(PluginArchive.PLUGIN_HEADER));
            if (owner != null) {
                String reason = "its REST resource " + resource.getClass().getName() + " claims /api/" + root
                        + ", which belongs to " + owner;
                plugins.guardRefusals.put(bundle.getBundleId(), reason);
                LOG.warn("stopping plugin {}: {}", bundle.getSymbolicName(), reason);
                stopper.execute(() -> {
                    try {
                        bundle.stop();
                    } catch (BundleException | IllegalStateException e) {
                        LOG.error("could not stop plugin {}", bundle.getSymbolicName(), e);
                    }
                });
            }
        } finally {
            context.ungetService(ref);
        }
    }

    /** Who owns {@code root}: the platform, another module, or nobody (null). */
    private String owner(String root, String pluginModule) {
        if (PLATFORM_ROOTS.contains(root)) {
            return "the platform";
        }
        if (root.startsWith("v1/")) {
            String segment = root.substring(3).split("/")[0];
            for (ModuleInfo m : modules.modules()) {
                if (!m.id().equals(pluginModule) && m.serves(segment)) {
                    return "the module " + m.id();
                }
            }
        }
        return null;
    }
}
