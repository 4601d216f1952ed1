package org.atriumcrm.integration.api;

import org.osgi.annotation.versioning.ProviderType;
import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;

/**
 * A channel bundle's own CamelContext (mail, SMS, ERP, shop): an {@code OsgiDefaultCamelContext}, which finds
 * components, languages and type converters through OSGi. It is created reflectively because camel-core-osgi
 * cannot be a compile dependency (its parent POM is missing from the registry). Start it before adding routes:
 * routes added before {@code start()} never run.
 */
@ProviderType
public final class CamelContexts {

    private CamelContexts() {
    }

    public static CamelContext newOsgiContext(BundleContext bundle, String name) {
        try {
            Class<?> type = CamelContexts.class.getClassLoader().loadClass("org.apache.camel.core.osgi.OsgiDefaultCamelContext");
            CamelContext camel = (CamelContext) type.getConstructor(BundleContext.class).newInstance(bundle);
            camel.adapt(org.apache.camel.ExtendedCamelContext.class).setName(name);
            return camel;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("camel-core-osgi is not installed (feature camel-core)", e);
        }
    }

    /**
     * An endpoint option value camel takes literally (passwords, secrets): {@code RAW(...)}, or {@code RAW{...}} when
     * the value holds a ')' that would end {@code RAW(...)} early.
     */
    public static String raw(String value) {
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }
}
