package org.atriumcrm.security.internal;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.atriumcrm.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JAAS realm {@code karaf}, ranked above Karaf's own (properties file) realm: the console over SSH
 * ({@code bin/client}), the web console and JMX log in with Atrium users, and only administrators get in. Karaf
 * loads the login module through its {@link ProxyLoginModule} from this bundle; the authenticator travels in the
 * options, so the module needs no service lookup.
 */
@Component(service = JaasRealm.class)
public class KarafLoginRealm implements JaasRealm {
    /** Karaf uses the realm with the highest rank among those with the same name; its own has rank 0. */
    static final int RANK = 100;

    private final AppConfigurationEntry[] entries;

    @Activate
    public KarafLoginRealm(@Reference Authenticator authenticator, BundleContext context) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, AtriumLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(AtriumLoginModule.AUTHENTICATOR_OPTION, authenticator);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return "karaf";
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries;
    }
}
