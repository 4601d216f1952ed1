package org.atriumcrm.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Answers a GET of exactly {@code /} with the page; every other request passes on untouched (to the API's CXF
 * servlet, which holds {@code /*}). A filter because no servlet pattern of Pax Web matches the root alone.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=atrium-ui-root",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)"})
public class UiRootFilter implements Filter {
    private final UiPage page;
    /** The page, as sent and gzipped: it is the same for the bundle's life. */
    private final UiBodies.Body index;

    @Activate
    public UiRootFilter(BundleContext context) throws IOException {
        this.page = UiPage.load(context.getBundle());
        this.index = UiBodies.Body.of(UiResources.resolve("/").contentType(), page.html().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void init(FilterConfig config) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        if (!"/".equals(request.getRequestURI()) || !("GET".equals(method) || "HEAD".equals(method))) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        page.securityHeaders().forEach(response::setHeader);
        UiServlet.send(request, response, UiResources.resolve("/"), index, "HEAD".equals(method));
    }

    @Override
    public void destroy() {
    }
}
