package org.atriumcrm.security.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Saved list views: a user's own, and the shared ones everybody sees. Only the owner or an administrator changes or
 * deletes a view; a private view of someone else does not exist for the caller (404). Columns, sort and filter are
 * checked against the entity's metadata exactly as the list URL checks them, so a saved view always opens.
 */
@Component(service = ListViewService.class)
public class ListViewService {
    static final int MAX_COLUMNS = 50;

    /** What a caller asks to save; a null member of an update is left as it is. */
    record Spec(String entity, String name, List<String> columns, String sort, String filter, Boolean shared) {
    }

    private final JpaTemplate jpa;
    private final RecordStores stores;

    @Activate
    public ListViewService(@Reference(target = "(osgi.unit.name=atrium.security)") JpaTemplate jpa, @Reference RecordStores stores) {
        this.jpa = jpa;
        this.stores = stores;
    }

    private <R> R tx(EmFunction<R> work) {
        return Transactions.required(jpa, work);
    }

    /** The caller's own views and the shared ones, of one entity type (name or plural) or of all, by name. */
    List<ListViewRow> visible(Caller caller, String entity) {
        String name = entity == null || entity.isBlank() ? null : type(entity, "entity").name();
        return tx(em -> {
            var query = em.createQuery("SELECT v FROM ListView v WHERE (v.ownerId = :u OR v.shared = TRUE)"
                    + (name == null ? "" : " AND v.entity = :e") + " ORDER BY v.name, v.id", ListViewRow.class)
                    .setParameter("u", caller.userId());
            return (name == null ? query : query.setParameter("e", name)).getResultList();
        });
    }

    ListViewRow get(Caller caller, String id) {
        return find(caller, id).orElseThrow(() -> AtriumException.notFound("no list view with id " + id));
    }

    ListViewRow create(Caller caller, Spec spec) {
        EntityType<?> type = type(spec.entity(), "entity");
        check(type, spec);
        ListViewRow row = new ListViewRow();
        row.id = RecordIds.next();
        row.ownerId = caller.userId();
        row.ownerName = caller.loginName();
        row.entity = type.name();
        row.name = spec.name();
        apply(row, spec);
        row.createdAt = now();
        row.modifiedAt = row.createdAt;
        return unique(spec.name(), () -> tx(em -> {
            nameFree(em, row.ownerId, row.entity, row.name, null);
            em.persist(row);
            return row;
        }));
    }

    ListViewRow update(Caller caller, String id, Spec spec) {
        ListViewRow current = changeable(caller, id);
        EntityType<?> type = type(current.entity, "entity");
        check(type, spec);
        return unique(spec.name(), () -> tx(em -> {
            ListViewRow row = em.find(ListViewRow.class, id);
            if (row == null) {
                throw AtriumException.notFound("no list view with id " + id);
            }
            if (spec.name() != null && !spec.name().equals(row.name)) {
                nameFree(em, row.ownerId, row.entity, spec.name(), id);
                row.name = spec.name();
            }
            apply(row, spec);
            row.modifiedAt = now();
            return row;
        }));
    }

    void delete(Caller caller, String id) {
        changeable(caller, id);
        tx(em -> em.createQuery("DELETE FROM ListView v WHERE v.id = :i").setParameter("i", id).executeUpdate());
    }

    private Optional<ListViewRow> find(Caller caller, String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        ListViewRow row = tx(em -> em.find(ListViewRow.class, id));
        return Optional.ofNullable(row).filter(v -> v.shared || v.ownerId.equals(caller.userId()));
    }

    private ListViewRow changeable(Caller caller, String id) {
        ListViewRow row = get(caller, id);
        if (!row.ownerId.equals(caller.userId()) && !caller.administrator()) {
            throw AtriumException.forbidden("only its owner " + row.ownerName + " or an administrator may change this shared view");
        }
        return row;
    }

    private static void apply(ListViewRow row, Spec spec) {
        if (spec.columns() != null) {
            row.columns = String.join(",", spec.columns());
        }
        if (spec.sort() != null) {
            row.sort = spec.sort().isBlank() ? null : spec.sort().strip();
        }
        if (spec.filter() != null) {
            row.filter = spec.filter().isBlank() ? null : spec.filter().strip();
        }
        if (spec.shared() != null) {
            row.shared = spec.shared();
        }
    }

    private void check(EntityType<?> type, Spec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.columns() != null) {
            if (spec.columns().size() > MAX_COLUMNS) {
                errors.add(new FieldError("columns", "at most " + MAX_COLUMNS + " columns"));
            }
            for (String column : spec.columns()) {
                if (type.field(column).isEmpty()) {
                    errors.add(new FieldError("columns", "'" + column + "' is not a field of " + type.name()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        // the list URL's own parser: the same 400s a list request with these parameters would get
        RecordBodies.listQuery(type, spec.sort(), null, spec.filter() == null ? List.of() : List.of(spec.filter()));
    }

    private EntityType<?> type(String entity, String member) {
        if (entity == null || entity.isBlank()) {
            throw AtriumException.invalidField(member, "is required: an entity type, e.g. accounts");
        }
        return stores.byNameOrPlural(entity.strip()).map(RecordStore::type)
                .orElseThrow(() -> AtriumException.invalidField(member, "no entity type " + entity));
    }

    private static void nameFree(javax.persistence.EntityManager em, String ownerId, String entity, String name, String except) {
        List<String> same = em.createQuery("SELECT v.id FROM ListView v WHERE v.ownerId = :o AND v.entity = :e AND v.name = :n",
                String.class).setParameter("o", ownerId).setParameter("e", entity).setParameter("n", name).getResultList();
        if (same.stream().anyMatch(found -> !found.equals(except))) {
            throw nameTaken(name);
        }
    }

    /**
     * Two saves of one name at once both pass the check above; the unique constraint refuses the second, which is
     * the same conflict, not a server error.
     */
    private static ListViewRow unique(String name, java.util.function.Supplier<ListViewRow> save) {
        try {
            return save.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    throw nameTaken(name);
                }
            }
            throw e;
        }
    }

    private static AtriumException nameTaken(String name) {
        return AtriumException.conflict("name-taken", "you have a list view named " + name + " for this type already");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
