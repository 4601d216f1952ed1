package org.atriumcrm.rest.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.module.ModuleState;
import org.atriumcrm.api.query.ListIndex;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The record stores currently registered, i.e. of the modules that are enabled. A store goes away when its
 * module's gate closes; then its URLs answer 404 and say that the module is disabled.
 */
@Component(service = Stores.class)
public class Stores {
    @Reference
    ModuleRegistry modules;

    @Reference
    AccessPolicy policy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ListIndex listIndex;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile org.atriumcrm.api.query.QuickSearchIndex searchIndex;

    @Reference
    RecordStores registry;

    /** The store serving {@code /api/v1/<plural>}, or a 404 that says why there is none. */
    RecordStore<?> byPlural(String plural) {
        return registry.byPlural(plural).orElseThrow(() -> unavailable(plural));
    }

    /** By entity name ({@code Account}) or plural ({@code accounts}). */
    RecordStore<?> byNameOrPlural(String name) {
        return registry.byName(name).orElseGet(() -> byPlural(name));
    }

    /** By entity name or plural, without a 404 when there is none. */
    Optional<RecordStore<?>> byNameOrPluralIfPresent(String name) {
        return registry.byNameOrPlural(name);
    }

    Optional<RecordStore<?>> byName(String entityName) {
        return registry.byName(entityName);
    }

    Collection<RecordStore<?>> all() {
        return registry.all();
    }

    /** The store as {@code caller} may use it: every path that serves records to a person goes through this. */
    <T extends Record> RecordStore<T> secured(RecordStore<T> store, Caller caller) {
        ListIndex index = listIndex;
        // under the policy: the index gets the query already scoped to what the caller may see
        return policy.secure(index == null ? store : new IndexedListStore<>(store, index, searchIndex), caller);
    }

    /** Whether lists of {@link #secured} stores are chosen by the list index (which narrows quick searches itself). */
    boolean indexed() {
        return listIndex != null;
    }

    /** The stores of the entity types {@code caller} may view, as they may use them. */
    List<RecordStore<?>> viewable(Caller caller) {
        return registry.all().stream().filter(s -> policy.access(caller, s.type()).can(Right.VIEW))
                .<RecordStore<?>>map(s -> secured(s, caller)).toList();
    }

    /**
     * Refuses a module endpoint whose module the registry no longer has enabled: the endpoint's component goes
     * away asynchronously, but a disable is in effect when its call returned (404 {@code module-disabled}).
     */
    void requireEnabled(String segment) {
        ModuleInfo module = modules.moduleOfEntity(segment).orElse(null);
        if (module != null && module.state() != ModuleState.ENABLED) {
            throw unavailable(segment);
        }
    }

    private AtriumException unavailable(String plural) {
        ModuleInfo module = modules.moduleOfEntity(plural).orElse(null);
        if (module != null) {
            if (module.state() != ModuleState.ENABLED) {
                return new AtriumException(404, "module-disabled", "Module disabled", "the module " + module.id()
                        + " that serves " + plural + " is " + module.state().name().toLowerCase()
                        + (module.reason() == null ? "" : " (" + module.reason() + ")"), null)
                        .with("module", module.id());
            }
            return new AtriumException(503, "module-starting", "Module starting",
                    "the module " + module.id() + " that serves " + plural + " is starting; try again shortly", null);
        }
        return AtriumException.notFound("there is no entity type '" + plural + "'");
    }
}
