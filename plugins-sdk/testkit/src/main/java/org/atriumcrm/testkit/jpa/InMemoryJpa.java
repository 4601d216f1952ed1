package org.atriumcrm.testkit.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.metamodel.EntityType;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A {@link JpaTemplate} for plain Java SE unit tests that runs each call in its own resource-local transaction, as
 * Aries JPA does in the container with the platform's resource-local units (where only {@code Required} exists).
 * <p>
 * {@link #of(String)} opens a persistence unit of {@code META-INF/persistence.xml} as it is, the plugin's own
 * included, on a new in-memory Derby database whose tables EclipseLink creates: the unit's {@code osgi:service}
 * DataSource name is replaced, nothing else.
 */
public final class InMemoryJpa implements JpaTemplate, AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final EntityManagerFactory emf;

    /** A template over any factory (its own JDBC settings, e.g. a test unit with a Derby URL). */
    public InMemoryJpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** The persistence unit {@code unitName} on a fresh in-memory database. */
    public static InMemoryJpa of(String unitName) {
        return of(unitName, Map.of());
    }

    /** As {@link #of(String)}, with more (or other) persistence unit properties. */
    public static InMemoryJpa of(String unitName, Map<String, ?> properties) {
        EmbeddedDataSource database = new EmbeddedDataSource();
        // one database per call: test classes of one JVM never see each other's rows
        database.setDatabaseName("memory:" + unitName.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASES.incrementAndGet());
        database.setCreateDatabase("create");
        Map<String, Object> settings = new HashMap<>();
        settings.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("javax.persistence.nonJtaDataSource", database);
        settings.put("eclipselink.ddl-generation", "create-or-extend-tables");
        settings.put("eclipselink.ddl-generation.output-mode", "database");
        settings.put("eclipselink.weaving", "false");
        settings.put("eclipselink.logging.level", "WARNING");
        settings.putAll(properties);
        return new InMemoryJpa(javax.persistence.Persistence.createEntityManagerFactory(unitName, settings));
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Empties every entity's table (and the shared cache): an empty database for the next test. */
    public void deleteAll() {
        List<String> left = new ArrayList<>(emf.getMetamodel().getEntities().stream().map(EntityType::getName).toList());
        // a row another still references cannot go first: retry in passes until nothing is left or nothing moves
        while (!left.isEmpty()) {
            List<String> failed = new ArrayList<>();
            PersistenceException lastFailure = null;
            for (String entity : left) {
                try {
                    tx(em -> em.createQuery("DELETE FROM " + entity).executeUpdate());
                } catch (PersistenceException e) {
                    failed.add(entity);
                    lastFailure = e;
                }
            }
            if (failed.size() == left.size()) {
                throw lastFailure;
            }
            left = failed;
        }
        emf.getCache().evictAll();
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            R result = code.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() {
        emf.close();
    }
}
