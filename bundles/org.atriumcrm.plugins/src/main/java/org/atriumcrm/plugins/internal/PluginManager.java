package org.atriumcrm.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Table;
import javax.persistence.metamodel.EntityType;
import javax.sql.DataSource;

import org.apache.karaf.bundle.core.BundleService;
import org.apache.karaf.kar.KarService;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party plugins: bundles uploaded over the admin API, dropped into {@code deploy/}, or carrying the
 * {@code Atrium-Plugin} header. Installing one never refreshes platform bundles (it is installed and started
 * on its own); a plugin that cannot resolve, whose activator throws, or whose components fail to activate is
 * reported with the reason — Karaf's bundle diagnosis for wiring, DS runtime DTOs for components.
 */
@Component(service = PluginManager.class)
public class PluginManager {
    static final String UPLOAD_LOCATION = "atrium:plugin/";
    static final String KAR_PREFIX = "atrium-plugin-";
    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

    private final BundleContext context;
    private final BundleService bundles;
    private final ServiceComponentRuntime scr;
    private final ModuleRegistry modules;
    private final KarService kars;
    private final DataSource dataSource;
    /** The last start failure of each plugin bundle (an activator exception leaves no other trace). */
    private final Map<Long, String> startFailures = new ConcurrentHashMap<>();
    /** Plugins the resource path guard stopped, and why. */
    final Map<Long, String> guardRefusals = new ConcurrentHashMap<>();

    @Activate
    public PluginManager(BundleContext context, @Reference BundleService bundles, @Reference ServiceComponentRuntime scr,
            @Reference ModuleRegistry modules, @Reference KarService kars,
            @Reference(target = "(osgi.jndi.service.name=atrium)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.kars = kars;
        this.context = context;
        this.bundles = bundles;
        this.scr = scr;
        this.modules = modules;
    }

    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (isPlugin(b)) {
                out.add(describe(b));
            }
        }
        out.sort(Comparator.comparing(m -> String.valueOf(m.get("symbolicName"))));
        return out;
    }

    Optional<Bundle> find(String idOrName) {
        for (Bundle b : context.getBundles()) {
            if (isPlugin(b) && (String.valueOf(b.getBundleId()).equals(idOrName) || idOrName.equals(b.getSymbolicName()))) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Installs (or updates) an uploaded plugin and tries to start it; returns whether it was new, and its state. */
    Map<String, Object> install(byte[] jar, Caller caller) {
        PluginArchive archive = PluginArchive.inspect(jar);
        if (archive.kar()) {
            return installKar(jar, caller);
        }
        for (Bundle b : context.getBundles()) {
            if (archive.symbolicName().equals(b.getSymbolicName()) && !isPlugin(b)) {
                throw AtriumException.conflict("platform-name", "the symbolic name " + archive.symbolicName()
                        + " belongs to an installed platform bundle").localized("platform-name", archive.symbolicName());
            }
        }
        Bundle bundle = find(archive.symbolicName()).orElse(null);
        boolean created = bundle == null;
        try {
            if (created) {
                bundle = context.installBundle(UPLOAD_LOCATION + archive.symbolicName(), new ByteArrayInputStream(jar));
            } else {
                bundle.update(new ByteArrayInputStream(jar));
            }
        } catch (BundleException e) {
            throw new AtriumException(400, "invalid-bundle", "Invalid bundle", "the framework refused the bundle: "
                    + e.getMessage(), null).localized("invalid-bundle", e.getMessage());
        }
        startFailures.remove(bundle.getBundleId());
        guardRefusals.remove(bundle.getBundleId());
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            startFailures.put(bundle.getBundleId(), rootMessage(e));
        }
        LOG.info("{} {} plugin {} {}", caller.loginName(), created ? "installed" : "updated", archive.symbolicName(),
                archive.version());
        Map<String, Object> result = describe(bundle);
        result.put("created", created);
        return result;
    }

    /**
     * A KAR goes through Karaf's KAR service: its repository is added and its features installed, with every
     * library it shares resolved from the platform features. Stored under data/atrium-plugins by content hash,
     * so the same KAR uploaded twice is the same KAR.
     */
    private Map<String, Object> installKar(byte[] kar, Caller caller) {
        String name = KAR_PREFIX + sha256(kar).substring(0, 16);
        Path file = Paths.get(System.getProperty("karaf.data", "data"), "atrium-plugins", name + ".kar");
        boolean created;
        try {
            created = !kars.list().contains(name);
            Files.createDirectories(file.getParent());
            Files.write(file, kar);
            if (created) {
                // no automatic refresh: Karaf's resolver would otherwise re-wire javax.persistence (its import of
                // org.osgi.service.jpa, also exported by the Aries JPA container) on every KAR install and refresh the
                // whole JPA stack and every Atrium bundle with it; the plugin's own new bundles resolve without one
                kars.install(file.toUri(), false, true);
            }
        } catch (Exception e) {
            throw new AtriumException(400, "invalid-kar", "Invalid KAR", "Karaf could not install the KAR: " + rootMessage(e), null)
                    .localized("invalid-kar", rootMessage(e));
        }
        LOG.info("{} installed KAR {}", caller.loginName(), name);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kar", name);
        result.put("created", created);
        return result;
    }

    List<String> kars() {
        try {
            return kars.list().stream().filter(k -> k.startsWith(KAR_PREFIX)).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Karaf's KAR service failed to list KARs", e);
        }
    }

    void uninstallKar(String name, Caller caller) {
        if (!kars().contains(name)) {
            throw AtriumException.notFound("no uploaded KAR " + name + " is installed").localized("no-such-kar", name);
        }
        try {
            kars.uninstall(name);
        } catch (Exception e) {
            throw new AtriumException(409, "uninstall-failed", "Conflict", "could not uninstall KAR " + name + ": " + rootMessage(e), null)
                    .localized("uninstall-failed", name, rootMessage(e));
        }
        LOG.info("{} uninstalled KAR {}", caller.loginName(), name);
    }

    private static String sha256(byte[] bytes) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(bytes)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * What a purge removes of the plugin, read from the services its bundle registered before it is uninstalled:
     * the tables of the entity classes its own bundle defines (from the JPA metamodel of its EntityManagerFactory;
     * its persistence unit also lists the platform's shared entities, the change history every store writes, whose
     * tables hold every module's data and stay) and the names of the entity types whose stores it registered, for
     * their rows in that shared history.
     */
    private record OwnData(List<String> tables, List<String> entityTypes) {
    }

    private OwnData ownDataOf(Bundle bundle) {
        List<String> tables = new ArrayList<>();
        List<String> types = new ArrayList<>();
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            try {
                if (service instanceof RecordStore<?> store) {
                    types.add(store.type().name());
                } else if (service instanceof EntityManagerFactory emf) {
                    for (EntityType<?> entity : emf.getMetamodel().getEntities()) {
                        if (!bundle.equals(FrameworkUtil.getBundle(entity.getJavaType()))) {
                            continue;
                        }
                        Table table = entity.getJavaType().getAnnotation(Table.class);
                        String name = table != null && !table.name().isEmpty() ? table.name() : entity.getName().toUpperCase();
                        if (!tables.contains(name)) {
                            tables.add(name);
                        }
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return new OwnData(tables, types);
    }

    /** Uninstalls a plugin; with {@code purgeData} its tables are dropped as well (after it is gone). */
    List<String> uninstall(Bundle bundle, boolean purgeData, Caller caller) {
        OwnData own = purgeData ? ownDataOf(bundle) : new OwnData(List.of(), List.of());
        List<String> tables = own.tables();
        List<String> types = own.entityTypes();
        uninstall(bundle, caller);
        List<String> dropped = new ArrayList<>();
        if (!types.isEmpty()) {
            try (Connection c = dataSource.getConnection();
                    java.sql.PreparedStatement history = c.prepareStatement("DELETE FROM ATRIUM_RECORD_CHANGE WHERE ENTITY = ?")) {
                for (String type : types) {
                    history.setString(1, type);
                    history.executeUpdate();
                }
            } catch (SQLException e) {
                LOG.warn("the history of plugin {}'s records {} was kept: {}", bundle.getSymbolicName(), types, e.getMessage());
            }
        }
        if (!tables.isEmpty()) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                for (String table : tables) {
                    if (!table.matches("[A-Za-z][A-Za-z0-9_]*")) {
                        continue; // only plain identifiers, never an injected name
                    }
                    st.executeUpdate("DROP TABLE " + table);
                    dropped.add(table);
                }
            } catch (SQLException e) {
                throw new AtriumException(409, "purge-failed", "Conflict", "the plugin is uninstalled, but dropping its tables "
                        + tables + " failed after " + dropped + ": " + e.getMessage(), null).localized("purge-failed", tables, dropped, e.getMessage());
            }
            LOG.warn("{} purged the data of plugin {}: dropped {}", caller.loginName(), bundle.getSymbolicName(), dropped);
        }
        return dropped;
    }

    void uninstall(Bundle bundle, Caller caller) {
        String location = bundle.getLocation();
        try {
            Path deployed = deployedFile(location);
            if (deployed != null) {
                Files.deleteIfExists(deployed); // or fileinstall would install it again
            }
            bundle.uninstall();
        } catch (IOException | BundleException | IllegalStateException e) {
            throw new AtriumException(409, "uninstall-failed", "Conflict", "could not uninstall " + bundle.getSymbolicName()
                    + ": " + rootMessage(e), null).localized("uninstall-failed", bundle.getSymbolicName(), rootMessage(e));
        }
        startFailures.remove(bundle.getBundleId());
        LOG.info("{} uninstalled plugin {}", caller.loginName(), bundle.getSymbolicName());
    }

    Map<String, Object> describe(Bundle b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", b.getBundleId());
        json.put("symbolicName", b.getSymbolicName());
        json.put("version", b.getVersion().toString());
        json.put("name", b.getHeaders().get("Bundle-Name"));
        json.put("location", b.getLocation().startsWith(UPLOAD_LOCATION) ? "upload"
                : deployedFile(b.getLocation()) != null ? "deploy" : b.getLocation());
        json.put("bundleState", bundles.getInfo(b).getState().name().toLowerCase());
        String moduleId = b.getHeaders().get(PluginArchive.PLUGIN_HEADER);
        List<String> problems = problems(b);
        json.put("state", problems.isEmpty() ? "active" : "failed");
        if (!problems.isEmpty()) {
            json.put("failure", String.join("; ", problems));
        }
        if (moduleId != null) {
            Optional<ModuleInfo> module = modules.module(moduleId);
            json.put("module", moduleId);
            json.put("moduleState", module.map(m -> m.state().name().toLowerCase()).orElse("not registered"));
        }
        return json;
    }

    private List<String> problems(Bundle b) {
        List<String> problems = new ArrayList<>();
        if (b.getState() == Bundle.INSTALLED) {
            List<String> missing = bundles.getUnsatisfiedRequirements(b, null).stream()
                    .map(r -> r.getNamespace() + " " + r.getDirectives().getOrDefault("filter", "")).toList();
            problems.add("cannot resolve: " + (missing.isEmpty() ? String.valueOf(bundles.getDiag(b)).strip()
                    : "missing " + String.join(", ", missing)));
        } else if (b.getState() == Bundle.RESOLVED && b.getHeaders().get("Fragment-Host") == null) {
            String why = guardRefusals.getOrDefault(b.getBundleId(), startFailures.get(b.getBundleId()));
            problems.add("not started" + (why == null ? "" : ": " + why));
        }
        if (b.getState() == Bundle.ACTIVE) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(b)) {
                for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                    if (config.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        problems.add(description.name + " failed to activate: " + config.failure);
                    } else if (config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        for (UnsatisfiedReferenceDTO ref : config.unsatisfiedReferences) {
                            if (ref.target == null || !ref.target.contains("atrium.module")) { // a closed gate is "disabled", not a failure
                                problems.add(description.name + " waits for " + ref.name + (ref.target == null ? "" : " " + ref.target));
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    boolean isPlugin(Bundle b) {
        String name = b.getSymbolicName();
        if (b.getBundleId() == 0 || name == null || PluginArchive.isPlatformName(name)) {
            return false;
        }
        return b.getHeaders().get(PluginArchive.PLUGIN_HEADER) != null || b.getLocation().startsWith(UPLOAD_LOCATION)
                || deployedFile(b.getLocation()) != null;
    }

    /** The file in Karaf's deploy folder the bundle was installed from, if any. */
    private static Path deployedFile(String location) {
        String deploy = Paths.get(System.getProperty("karaf.base", "."), "deploy").toAbsolutePath().normalize().toUri().getPath();
        if (location.startsWith("file:") && location.contains(deploy)) {
            return Paths.get(location.substring(location.indexOf(deploy)));
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }
}
