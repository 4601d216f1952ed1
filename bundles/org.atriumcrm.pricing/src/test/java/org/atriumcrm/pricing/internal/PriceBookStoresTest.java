package org.atriumcrm.pricing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class PriceBookStoresTest {
    private static final Caller ADMIN = new Caller("u-admin", "admin", true);
    private static InMemoryJpa jpa;

    @BeforeClass
    public static void open() {
        jpa = InMemoryJpa.of("atrium.pricing");
    }

    @AfterClass
    public static void close() {
        jpa.close();
    }

    private static int status(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e.status();
        }
        fail("expected a refusal");
        return 0;
    }

    @Test
    public void booksAndEntriesKeepTheirRules() {
        PriceBookStore books = new PriceBookStore(jpa, null, null);
        PriceBookEntryStore entries = new PriceBookEntryStore(jpa, null, null);
        assertEquals(400, status(() -> books.create(Map.of("name", "Backwards", "validFrom", LocalDate.of(2026, 3, 1),
                "validTo", LocalDate.of(2026, 2, 28)), ADMIN)));
        assertEquals(400, status(() -> books.create(Map.of("name", "Nowhere", "currency", "XYZ"), ADMIN)));
        PriceBook oneDay = books.create(Map.of("name", "One day", "validFrom", LocalDate.of(2026, 3, 1),
                "validTo", LocalDate.of(2026, 3, 1)), ADMIN);
        assertEquals("CNY", oneDay.getCurrency());
        assertEquals(400, status(() -> books.update(oneDay.getId(), null, Map.of("validTo", LocalDate.of(2026, 2, 1)), ADMIN)));

        String book = oneDay.getId();
        entries.create(Map.of("priceBookId", book, "productId", "p-1", "unitPrice", new BigDecimal("9.5"), "minQuantity", new BigDecimal("10")), ADMIN);
        assertEquals(409, status(() -> entries.create(Map.of("priceBookId", book, "productId", "p-1", "unitPrice", BigDecimal.ONE,
                "minQuantity", new BigDecimal("10.000")), ADMIN)));
        PriceBookEntry base = entries.create(Map.of("priceBookId", book, "productId", "p-1", "unitPrice", BigDecimal.TEN), ADMIN);
        assertEquals(0, BigDecimal.ZERO.compareTo(base.getMinQuantity()));
        assertEquals(409, status(() -> entries.update(base.getId(), null, Map.of("minQuantity", new BigDecimal("10")), ADMIN)));
        assertEquals(400, status(() -> entries.create(Map.of("priceBookId", book, "productId", "p-2", "unitPrice", new BigDecimal("-1")), ADMIN)));
        assertEquals(400, status(() -> entries.create(Map.of("priceBookId", book, "productId", "p-2", "unitPrice", new BigDecimal("1.00001")), ADMIN)));
        assertEquals(400, status(() -> entries.create(Map.of("priceBookId", book, "productId", "p-2", "unitPrice", BigDecimal.ONE,
                "minQuantity", new BigDecimal("-5")), ADMIN)));
        // the same quantity in another book or for another product is no duplicate
        entries.create(Map.of("priceBookId", book, "productId", "p-2", "unitPrice", BigDecimal.ONE, "minQuantity", BigDecimal.TEN), ADMIN);
    }
}
