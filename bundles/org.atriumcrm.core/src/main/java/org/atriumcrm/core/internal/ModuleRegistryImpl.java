package org.atriumcrm.core.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleChange;
import org.atriumcrm.api.module.ModuleChangeLog;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.module.ModuleState;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the set of installed modules (their descriptor services) and of disabled module ids (ConfigAdmin PID
 * {@value #PID}, property {@code disabled}), and registers one {@link ModuleGate} per ENABLED module. Gates are
 * (un)registered on a single background thread: doing it inside DS callbacks would activate the modules'
 * components re-entrantly while we are still being called back.
 */
@Component(service = ModuleRegistry.class, configurationPid = ModuleRegistryImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class ModuleRegistryImpl implements ModuleRegistry {
    static final String PID = "org.atriumcrm.modules";
    static final String DISABLED = "disabled";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistryImpl.class);

    private final Map<String, ModuleDescriptor> installed = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<ModuleGate>> gates = new HashMap<>();
    private final ExecutorService gateKeeper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-module-gates");
        t.setDaemon(true);
        return t;
    });
    private volatile Set<String> disabled = Set.of();
    private volatile BundleContext context;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    /** Optional so that gates open before the database is up; changes wait for it (503 until then). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleChangeLog changeLog;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(ModuleDescriptor descriptor) {
        installed.put(descriptor.id(), descriptor);
        reconcile();
    }

    void removeModule(ModuleDescriptor descriptor) {
        installed.remove(descriptor.id(), descriptor);
        reconcile();
    }

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) {
        this.context = bundleContext;
        this.disabled = readDisabled(properties);
        reconcile();
    }

    @Modified
    void modified(Map<String, Object> properties) {
        this.disabled = readDisabled(properties);
        reconcile();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context = null;
        gateKeeper.submit(() -> {
            gates.values().forEach(ModuleRegistryImpl::unregisterQuietly);
            gates.clear();
        });
        gateKeeper.shutdown();
        gateKeeper.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public List<ModuleInfo> modules() {
        return List.copyOf(states().values());
    }

    @Override
    public Optional<ModuleInfo> module(String id) {
        return Optional.ofNullable(states().get(id));
    }

    @Override
    public Optional<ModuleInfo> moduleOfEntity(String nameOrPlural) {
        return states().values().stream()
                .filter(m -> m.serves(nameOrPlural)).findFirst();
    }

    @Override
    public synchronized ModuleInfo setEnabled(String id, boolean enabled, boolean cascade, Caller caller) {
        ModuleInfo module = module(id).orElseThrow(() -> AtriumException.notFound("no module " + id + " is installed"));
        Set<String> newDisabled = new TreeSet<>(disabled);
        if (enabled) {
            for (String required : module.requires()) {
                ModuleInfo req = module(required).orElse(null);
                if (req == null || req.state() != ModuleState.ENABLED && !required.equals(id)) {
                    throw AtriumException.conflict("module-required",
                            "module " + id + " requires " + required + ", which is not enabled: enable it first")
                            .with("required", List.of(required));
                }
            }
            newDisabled.remove(id);
        } else {
            if (module.platform()) {
                throw AtriumException.conflict("platform-module", "module " + id + " is part of the platform and cannot be disabled");
            }
            Set<String> dependents = new TreeSet<>(ModuleStates.dependentsOf(id, installed.values()));
            dependents.removeIf(d -> module(d).map(m -> m.state() != ModuleState.ENABLED).orElse(true));
            if (!dependents.isEmpty() && !cascade) {
                throw AtriumException.conflict("module-in-use", "module " + id + " is required by the enabled modules "
                        + String.join(", ", dependents) + ": disable them first, or ask to disable them too")
                        .with("dependents", List.copyOf(dependents));
            }
            newDisabled.add(id);
            newDisabled.addAll(dependents);
        }
        List<String> cascaded = newDisabled.stream()
                .filter(d -> !d.equals(id) && !disabled.contains(d)).sorted().toList();
        log().record(new ModuleChange(RecordIds.next(), id, enabled, cascaded, caller.userId(), caller.loginName(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        persist(newDisabled);
        disabled = Set.copyOf(newDisabled);
        LOG.info("{} {} module {}", caller.loginName(), enabled ? "enabled" : "disabled", id);
        reconcile();
        return module(id).orElseThrow();
    }

    @Override
    public List<ModuleChange> changes(String moduleId, int limit) {
        return log().changes(moduleId, limit);
    }

    private ModuleChangeLog log() {
        ModuleChangeLog log = changeLog;
        if (log == null) {
            throw new AtriumException(503, "module-log-unavailable", "Service unavailable",
                    "the module change log is not ready yet (the database is starting); try again shortly", null);
        }
        return log;
    }

    private void persist(Set<String> newDisabled) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> props = configuration.getProperties();
            if (props == null) {
                props = new Hashtable<>();
            }
            props.put(DISABLED, newDisabled.toArray(String[]::new));
            configuration.update(props);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store module state", e);
        }
    }

    private Map<String, ModuleInfo> states() {
        return ModuleStates.compute(installed.values(), disabled);
    }

    private void reconcile() {
        if (context == null) {
            return;
        }
        gateKeeper.execute(() -> {
            BundleContext ctx = context;
            if (ctx == null) {
                return;
            }
            Map<String, ModuleInfo> states = states();
            gates.entrySet().removeIf(e -> {
                ModuleInfo m = states.get(e.getKey());
                if (m == null || m.state() != ModuleState.ENABLED) {
                    unregisterQuietly(e.getValue());
                    LOG.info("module {} closed: {}", e.getKey(), m == null ? "uninstalled" : m.reason());
                    return true;
                }
                return false;
            });
            for (ModuleInfo m : states.values()) {
                if (m.state() == ModuleState.ENABLED && !gates.containsKey(m.id())) {
                    Hashtable<String, Object> props = new Hashtable<>();
                    props.put(ModuleGate.MODULE_PROPERTY, m.id());
                    String id = m.id();
                    gates.put(id, ctx.registerService(ModuleGate.class, () -> id, props));
                    LOG.info("module {} open", id);
                }
            }
        });
    }

    private static Set<String> readDisabled(Map<String, Object> properties) {
        Object value = properties == null ? null : properties.get(DISABLED);
        Set<String> ids = new TreeSet<>();
        if (value instanceof String[] array) {
            ids.addAll(List.of(array));
        } else if (value instanceof Collection<?> c) {
            c.forEach(o -> ids.add(String.valueOf(o)));
        } else if (value instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                ids.add(part.strip());
            }
        }
        return Set.copyOf(ids);
    }

    private static void unregisterQuietly(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping
        }
    }
}
