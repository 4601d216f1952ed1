package org.atriumcrm.core.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** How long a change waits for the descriptor of a module whose bundle is being updated (redeployed). */
    private static final long DESCRIPTOR_WAIT_MILLIS = 30_000;
    /** A descriptor that went this recently may be coming back: its bundle is being updated, not removed. */
    private static final long DEPARTED_MILLIS = 120_000;
    /** A change returns once the gates follow it; bounded, should a module's activation hang. */
    private static final long GATES_WAIT_SECONDS = 30;

    private final Map<String, ModuleDescriptor> installed = new ConcurrentHashMap<>();
    /** Ids of descriptors that went away, with when (System.nanoTime): a redeploy brings them back shortly. */
    private final Map<String, Long> departed = new ConcurrentHashMap<>();
    private final Object arrivals = new Object();
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
        departed.remove(descriptor.id());
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
        reconcile();
    }

    void removeModule(ModuleDescriptor descriptor) {
        if (installed.remove(descriptor.id(), descriptor)) {
            departed.put(descriptor.id(), System.nanoTime());
        }
        reconcile();
    }

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) {
        this.context = bundleContext;
        this.disabled = readDisabled(properties);
        reconcile();
    }

    /**
     * ConfigAdmin delivers updates asynchronously: after a quick disable and enable, the disable's properties can
     * arrive after the enable took effect. The configuration as it is now is read instead, so that a late delivery
     * cannot switch a module back.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        Map<String, Object> current = properties;
        try {
            Dictionary<String, Object> stored = configurationAdmin.getConfiguration(PID, "?").getProperties();
            if (stored != null) {
                current = new HashMap<>();
                for (String key : Collections.list(stored.keys())) {
                    current.put(key, stored.get(key));
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}; using the properties delivered", PID, e);
        }
        this.disabled = readDisabled(current);
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
        ModuleInfo module = installedOrReturning(id).orElseThrow(() -> AtriumException.notFound("no module " + id + " is installed")
                .localized("no-such-module", id));
        Set<String> newDisabled = new TreeSet<>(disabled);
        if (enabled) {
            for (String required : module.requires()) {
                ModuleInfo req = module(required).orElse(null);
                if (req == null || req.state() != ModuleState.ENABLED && !required.equals(id)) {
                    throw AtriumException.conflict("module-required",
                            "module " + id + " requires " + required + ", which is not enabled: enable it first")
                            .with("required", List.of(required)).localized("module-required", id, required);
                }
            }
            newDisabled.remove(id);
        } else {
            if (module.platform()) {
                throw AtriumException.conflict("platform-module", "module " + id + " is part of the platform and cannot be disabled")
                        .localized("platform-module", id);
            }
            Set<String> dependents = new TreeSet<>(ModuleStates.dependentsOf(id, installed.values()));
            dependents.removeIf(d -> module(d).map(m -> m.state() != ModuleState.ENABLED).orElse(true));
            if (!dependents.isEmpty() && !cascade) {
                throw AtriumException.conflict("module-in-use", "module " + id + " is required by the enabled modules "
                        + String.join(", ", dependents) + ": disable them first, or ask to disable them too")
                        .with("dependents", List.copyOf(dependents)).localized("module-in-use", id, List.copyOf(dependents));
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
        awaitGates(reconcile());
        return module(id).orElseThrow();
    }

    /**
     * The module, also while its bundle is being updated (a jar copied into deploy/ again): its descriptor went a
     * moment ago and comes back when the bundle restarts, so the change waits for it (bounded) instead of a 404.
     */
    private Optional<ModuleInfo> installedOrReturning(String id) {
        Long went = departed.get(id);
        if (module(id).isPresent() || went == null || System.nanoTime() - went > TimeUnit.MILLISECONDS.toNanos(DEPARTED_MILLIS)) {
            return module(id);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DESCRIPTOR_WAIT_MILLIS);
        synchronized (arrivals) {
            while (module(id).isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    arrivals.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return module(id);
    }

    /**
     * A change is in effect when its call returns: the gates it opens or closes are (un)registered by then, so the
     * modules' components have come or gone with them (issue 13, defect 7).
     */
    private static void awaitGates(Future<?> gatesFollowed) {
        try {
            gatesFollowed.get(GATES_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("module gates did not follow the change within {} s", GATES_WAIT_SECONDS, e);
        }
    }

    @Override
    public List<ModuleChange> changes(String moduleId, int limit) {
        return log().changes(moduleId, limit);
    }

    private ModuleChangeLog log() {
        ModuleChangeLog log = changeLog;
        if (log == null) {
            throw new AtriumException(503, "module-log-unavailable", "Service unavailable",
                    "the module change log is not ready yet (the database is starting); try again shortly", null)
                    .localized("module-log-unavailable");
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

    private Future<?> reconcile() {
        if (context == null) {
            return CompletableFuture.completedFuture(null);
        }
        return gateKeeper.submit(() -> {
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
