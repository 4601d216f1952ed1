package org.atriumcrm.http.internal;

import java.util.Collection;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The {@code Allow} header of a request path, as the API's REST bundle knows it: a {@code Function<String, String>}
 * service with the property {@value #PROPERTY}{@code =true} (a JDK type, so that this bundle, which starts before the
 * rest of Atrium, depends on none of it). Null while that service is not there.
 */
final class AllowedMethodsLookup implements Function<String, String> {
    static final String PROPERTY = "atrium.http.allow";

    private final BundleContext context;

    AllowedMethodsLookup(BundleContext context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String apply(String path) {
        Collection<ServiceReference<Function>> refs;
        try {
            refs = context.getServiceReferences(Function.class, "(" + PROPERTY + "=true)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException stopped) {
            return null;
        }
        for (ServiceReference<Function> ref : refs) {
            Function<String, String> allowed = context.getService(ref);
            if (allowed != null) {
                try {
                    return allowed.apply(path);
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return null;
    }
}
