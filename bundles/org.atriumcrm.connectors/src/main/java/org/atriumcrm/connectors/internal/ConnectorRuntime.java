package org.atriumcrm.connectors.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.integration.api.CamelContexts;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every active connector's routes on the connectors' CamelContext ({@code atrium-connectors}), and keeps them in
 * step with the records and the registered types: a connector created, changed, paused, resumed or deleted, or a type
 * that comes or goes with its module, brings its routes up, restarts them with the new settings, or stops them.
 * Event handlers and type listeners only ask for a reconciliation on the runtime's own thread and return at once: a
 * route that takes long to stop must not hold EventAdmin's thread (Karaf blacklists slow handlers).
 */
@Component(service = {ConnectorRuntime.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=atrium/Connector/*")
public class ConnectorRuntime implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

    /** What runs for one connector: the record's version and the type instance its routes came from. */
    private record Running(long version, ConnectorType type, List<String> routeIds) {
    }

    private final ConnectorStore store;
    private final ConnectorTypeRegistry types;
    private final CamelContext camel;
    private final ExecutorService worker;
    private final AtomicBoolean asked = new AtomicBoolean();
    private final Map<String, Running> running = new HashMap<>();
    private final Runnable onTypes = this::ask;

    @Activate
    public ConnectorRuntime(BundleContext context, @Reference ConnectorStore store, @Reference ConnectorTypeRegistry types,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ConnectorTypes.MODULE + ")") ModuleGate gate) throws Exception {
        this(CamelContexts.newOsgiContext(context, "atrium-connectors"), store, types);
    }

    ConnectorRuntime(CamelContext camel, ConnectorStore store, ConnectorTypeRegistry types) throws Exception {
        this.store = store;
        this.types = types;
        this.camel = camel;
        camel.start(); // before any route is added: routes added to an OsgiDefaultCamelContext before start() never run
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "atrium-connectors");
            t.setDaemon(true);
            return t;
        });
        types.listen(onTypes);
        ask();
    }

    @Deactivate
    void stop() {
        types.unlisten(onTypes);
        worker.shutdownNow();
        try {
            // a reconciliation under way adds or removes routes: the context stops after it, not during it
            worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        camel.stop();
    }

    /** Waits until the reconciliations asked for so far are done (tests compare the routes after that). */
    void settle() throws Exception {
        worker.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        ask();
    }

    /** Asks for one reconciliation; requests while one is waiting are folded into it. */
    void ask() {
        if (asked.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    asked.set(false);
                    reconcile();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                asked.set(false); // stopping
            }
        }
    }

    /** Brings the running routes in line with the active connectors whose type is registered. */
    synchronized void reconcile() {
        Map<String, Connector> wanted = new HashMap<>();
        try {
            for (Connector c : store.active()) {
                if (types.find(c.getType()).isPresent()) {
                    wanted.put(c.getId(), c);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("connectors could not be read; the running ones stay as they are", e);
            return;
        }
        for (String id : Set.copyOf(running.keySet())) {
            Connector c = wanted.get(id);
            Running r = running.get(id);
            if (c == null || c.getVersion() != r.version() || types.find(c.getType()).orElse(null) != r.type()) {
                stopRoutes(id, r);
            }
        }
        for (Connector c : wanted.values()) {
            if (!running.containsKey(c.getId())) {
                startRoutes(c, types.find(c.getType()).orElseThrow());
            }
        }
    }

    private void startRoutes(Connector c, ConnectorType type) {
        var config = store.config(c);
        Set<String> before = routeIds();
        try {
            camel.addRoutes(type.routes(config));
        } catch (Exception | LinkageError e) {
            LOG.warn("connector {} ({}) could not start: {}", c.getName(), c.getType(), e.toString());
            removeAll(added(before));
            store.outcome(c.getId(), null, "could not start: " + e);
            return;
        }
        List<String> added = added(before);
        List<String> stray = added.stream().filter(id -> !id.startsWith(config.routePrefix())).toList();
        if (!stray.isEmpty()) { // a type that names its routes otherwise could not be stopped by connector: refused
            removeAll(added);
            store.outcome(c.getId(), null, "the connector type's routes " + stray + " do not start with " + config.routePrefix());
            return;
        }
        running.put(c.getId(), new Running(c.getVersion(), type, added));
        store.outcome(c.getId(), null, null);
        LOG.info("connector {} ({}) runs routes {}", c.getName(), c.getType(), added);
    }

    private void stopRoutes(String id, Running r) {
        removeAll(r.routeIds());
        running.remove(id);
        LOG.info("connector {} stopped its routes {}", id, r.routeIds());
    }

    private Set<String> routeIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }

    private List<String> added(Set<String> before) {
        return routeIds().stream().filter(id -> !before.contains(id)).sorted().toList();
    }

    private void removeAll(List<String> ids) {
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("route {} could not be removed", id, e);
            }
        }
    }

    /** The running connectors' route ids (for tests and the administrators' view). */
    synchronized Map<String, List<String>> routes() {
        Map<String, List<String>> out = new HashMap<>();
        running.forEach((id, r) -> out.put(id, r.routeIds()));
        return out;
    }
}
