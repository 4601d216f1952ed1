package org.atriumcrm.persistence.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.coordinator.Coordination;
import org.osgi.service.coordinator.Coordinator;

/**
 * One all-or-nothing write over the stores of several modules. Every module has its own persistence unit (its own
 * EntityManager and connection), so each store's write would otherwise commit on its own. Inside
 * {@link #run}, the first write of each unit opens a transaction that stays open; nothing commits until the work
 * has returned, and any exception rolls every unit back. Domain events of the stores wait for the commit (and
 * are dropped with a rollback).
 * <p>
 * How it holds the transactions open: Aries JPA binds a unit's EntityManager to the outermost OSGi coordination of
 * the thread and only commits a transaction it began itself, so an enclosing coordination whose EntityManagers
 * already have an active transaction makes every inner {@code txExpr} join it.
 * <p>
 * The commits themselves run one after another: a database failure between two of them (not a rule, hook or
 * validation failure, which all happen before) would leave the first committed. All units share one database, so
 * that window is a commit's duration, not the work's.
 *
 * @since 1.4
 */
@ProviderType
public final class UnitOfWork {
    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

    private final List<EntityManager> joined = new ArrayList<>();
    private final Set<JpaTemplate> units = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Runnable> afterCommit = new ArrayList<>();

    private UnitOfWork() {
    }

    /** Runs {@code work} as one unit; a nested call joins the enclosing unit. */
    public static <R> R run(Coordinator coordinator, Supplier<R> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        UnitOfWork unit = new UnitOfWork();
        Coordination coordination = coordinator.begin("atrium-unit-of-work", 0);
        CURRENT.set(unit);
        R result;
        try {
            result = work.get();
            unit.commit();
        } catch (RuntimeException | Error e) {
            unit.rollback(e);
            throw e;
        } finally {
            CURRENT.remove();
            coordination.end(); // closes the EntityManagers
        }
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    /** True while the current thread runs a unit of work. */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /** Makes a store's next transaction on {@code jpa} part of the current unit, if there is one. */
    static void join(JpaTemplate jpa) {
        UnitOfWork unit = CURRENT.get();
        if (unit == null || !unit.units.add(jpa)) {
            return;
        }
        EntityManager em = jpa.txExpr(TransactionType.Required, e -> e);
        if (!unit.joined.contains(em)) {
            em.getTransaction().begin();
            unit.joined.add(em);
        }
    }

    /** Runs {@code action} after the unit committed (now, outside a unit); never when it rolls back. */
    static void afterCommit(Runnable action) {
        UnitOfWork unit = CURRENT.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    private void commit() {
        for (EntityManager em : joined) {
            em.getTransaction().commit();
        }
    }

    private void rollback(Throwable cause) {
        for (EntityManager em : joined) {
            try {
                EntityTransaction tx = em.getTransaction();
                if (tx.isActive()) {
                    tx.rollback();
                }
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
