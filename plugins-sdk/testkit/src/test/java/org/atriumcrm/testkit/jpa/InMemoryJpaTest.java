package org.atriumcrm.testkit.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class InMemoryJpaTest {

    private static long count(InMemoryJpa jpa, String entity) {
        return jpa.txExpr(em -> em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult());
    }

    @Test
    public void aContainerUnitRunsOnItsOwnInMemoryDatabase() {
        try (InMemoryJpa one = InMemoryJpa.of("atrium.kit"); InMemoryJpa other = InMemoryJpa.of("atrium.kit")) {
            one.tx(em -> {
                Crate crate = new Crate();
                crate.id = "c1";
                em.persist(crate);
            });
            assertEquals(1, count(one, "Crate"));
            assertEquals("another template, another database", 0, count(other, "Crate"));
        }
    }

    @Test
    public void aFailedCallRollsBackAndDeleteAllEmptiesReferencingTables() {
        try (InMemoryJpa jpa = InMemoryJpa.of("atrium.kit")) {
            try {
                jpa.tx(em -> {
                    Crate crate = new Crate();
                    crate.id = "gone";
                    em.persist(crate);
                    em.flush();
                    throw new IllegalStateException("fails after the write");
                });
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("after the write"));
            }
            assertEquals("rolled back", 0, count(jpa, "Crate"));
            jpa.tx(em -> {
                Crate crate = new Crate();
                crate.id = "c1";
                em.persist(crate);
                Parcel parcel = new Parcel();
                parcel.id = "p1";
                parcel.crate = crate;
                em.persist(parcel);
            });
            jpa.deleteAll();
            assertEquals(0, count(jpa, "Crate"));
            assertEquals(0, count(jpa, "Parcel"));
        }
    }
}
