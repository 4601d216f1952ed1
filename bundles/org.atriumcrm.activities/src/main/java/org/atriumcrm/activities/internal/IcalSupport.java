package org.atriumcrm.activities.internal;

import java.util.function.Supplier;

/**
 * Runs ical4j code with this bundle's class loader as the thread's context class loader. ical4j finds its property,
 * parameter and component factories, its validators and its compliance rules through {@link java.util.ServiceLoader},
 * which looks at the context class loader; in Karaf that is some framework loader that has never seen the
 * {@code META-INF/services} files this bundle carries (ical4j is embedded here, see the pom).
 */
final class IcalSupport {
    private IcalSupport() {
    }

    static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(IcalSupport.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
