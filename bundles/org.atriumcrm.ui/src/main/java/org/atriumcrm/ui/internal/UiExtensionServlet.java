package org.atriumcrm.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.atriumcrm.api.ui.UiScreen;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Serves the scripts of the screens modules contribute ({@link UiScreen}): {@code /ext/<module>/<path>} is the
 * entry {@code atrium-ui/<path>} of a bundle that registers a screen of that module. Served here rather than by
 * each module so that every contributed file gets the page's policy headers, the same path rules and content
 * types, and a plugin needs no servlet of its own; and while the module is disabled (its screens unregistered)
 * its files answer 404.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/ext/*",
    "osgi.http.whiteboard.servlet.name=atrium-ui-extensions",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)"})
public class UiExtensionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient UiPage page;
    private final transient Map<UiScreen, Bundle> screens = new ConcurrentHashMap<>();

    @Activate
    public UiExtensionServlet(BundleContext context) throws IOException {
        this.page = UiPage.load(context.getBundle());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScreen(ServiceReference<UiScreen> reference, UiScreen screen) {
        Bundle bundle = reference.getBundle();
        if (bundle != null) {
            screens.put(screen, bundle);
        }
    }

    void removeScreen(UiScreen screen) {
        screens.remove(screen);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!UiServlet.readable(page, request, response)) {
            return;
        }
        String path = request.getPathInfo();
        UiResources.Target target = UiResources.extension(path);
        URL entry = target == null ? null : entry(UiResources.extensionModule(path), target.entry());
        if (entry == null) {
            UiServlet.plain(response, HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        byte[] body;
        try (InputStream in = entry.openStream()) {
            body = in.readAllBytes();
        }
        UiServlet.send(request, response, target, body, "HEAD".equals(request.getMethod()));
    }

    private URL entry(String module, String file) {
        for (Map.Entry<UiScreen, Bundle> e : screens.entrySet()) {
            if (module.equals(e.getKey().moduleId())) {
                URL url = e.getValue().getEntry(UiScreen.FOLDER + "/" + file);
                if (url != null && !url.getPath().endsWith("/")) {
                    return url;
                }
            }
        }
        return null;
    }
}
