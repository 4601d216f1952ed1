package org.atriumcrm.products.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

public class CatalogRulesTest {
    private static final Caller ADMIN = new Caller("u-admin", "admin", true);
    private static InMemoryJpa jpa;
    private ProductStore products;
    private ProductCategoryStore categories;
    private ProductComponentStore components;
    private TaxClassStore taxes;

    @BeforeClass
    public static void open() {
        jpa = InMemoryJpa.of("atrium.products");
    }

    @AfterClass
    public static void close() {
        jpa.close();
    }

    @Before
    public void clean() {
        jpa.deleteAll();
        products = new ProductStore(jpa, null, null);
        categories = new ProductCategoryStore(jpa, null, null);
        components = new ProductComponentStore(jpa, null, null);
        taxes = new TaxClassStore(jpa, null, null);
    }

    private Product product(String sku, Object... more) {
        Map<String, Object> v = new HashMap<>(Map.of("sku", sku, "name", "产品 " + sku, "listPrice", new BigDecimal("100")));
        for (int i = 0; i < more.length; i += 2) {
            v.put((String) more[i], more[i + 1]);
        }
        return products.create(v, ADMIN);
    }

    private static AtriumException refused(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e;
        }
        fail("expected a refusal");
        return null;
    }

    @Test
    public void skuIsUniqueWithoutRegardToCaseAndInTheRecycleBinToo() {
        Product first = product("ABC-1");
        assertEquals(409, refused(() -> product(" abc-1 ".strip().toLowerCase())).status());
        products.delete(first.getId(), null, ADMIN);
        AtriumException e = refused(() -> product("Abc-1"));
        assertEquals(409, e.status());
        assertEquals("duplicate-sku", e.problemType());
        Product other = product("XYZ-2");
        assertEquals(409, refused(() -> products.update(other.getId(), null, Map.of("sku", "abc-1"), ADMIN)).status());
    }

    @Test
    public void sixteenParallelCreatesOfOneSkuMakeExactlyOneProduct() throws Exception {
        int n = 16;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        product("RACE-1");
                        return 201;
                    } catch (AtriumException e) {
                        return e.status();
                    }
                }));
            }
            int created = 0;
            for (Future<Integer> f : outcomes) {
                int status = f.get();
                if (status == 201) {
                    created++;
                } else {
                    assertEquals(409, status);
                }
            }
            assertEquals(1, created);
            assertEquals(1, products.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aServiceIsNeverStockedAndIsSoldByTimeOrPeriod() {
        Product s = product("SVC-1", "kind", "service", "stocked", true, "unit", "hour");
        assertFalse(s.getStocked());
        assertEquals("hour", s.getUnit());
        assertEquals(400, refused(() -> product("SVC-2", "kind", "service", "unit", "kg")).status());
        Product p = product("P-1");
        assertTrue(p.getStocked());
        assertEquals("piece", p.getUnit());
        assertEquals("CNY", p.getCurrency());
        Product turned = products.update(p.getId(), null, Map.of("kind", "service"), ADMIN);
        assertFalse(turned.getStocked());
        assertEquals("time", turned.getUnit());
        assertEquals(400, refused(() -> product("NEG", "listPrice", new BigDecimal("-1"))).status());
    }

    @Test
    public void componentsMayNotFormACycle() {
        Product a = product("A");
        Product b = product("B");
        Product c = product("C");
        components.create(Map.of("productId", a.getId(), "componentProductId", b.getId(), "quantity", BigDecimal.ONE), ADMIN);
        components.create(Map.of("productId", b.getId(), "componentProductId", c.getId(), "quantity", new BigDecimal("2"),
                "gift", true), ADMIN);
        assertEquals(400, refused(() -> components.create(Map.of("productId", a.getId(), "componentProductId", a.getId(),
                "quantity", BigDecimal.ONE), ADMIN)).status());
        assertEquals(400, refused(() -> components.create(Map.of("productId", c.getId(), "componentProductId", a.getId(),
                "quantity", BigDecimal.ONE), ADMIN)).status());
        assertEquals(400, refused(() -> components.create(Map.of("productId", c.getId(), "componentProductId", b.getId(),
                "quantity", BigDecimal.ONE), ADMIN)).status());
        assertEquals(400, refused(() -> components.create(Map.of("productId", c.getId(), "componentProductId", a.getId(),
                "quantity", BigDecimal.ZERO), ADMIN)).status());
        // a diamond is no cycle
        components.create(Map.of("productId", a.getId(), "componentProductId", c.getId(), "quantity", BigDecimal.ONE), ADMIN);
    }

    @Test
    public void theCategoryTreeHasNoCyclesAndKeepsUsedCategories() {
        ProductCategory root = categories.create(Map.of("name", "电子产品"), ADMIN);
        ProductCategory mid = categories.create(Map.of("name", "电脑", "parentId", root.getId()), ADMIN);
        ProductCategory leaf = categories.create(Map.of("name", "笔记本", "parentId", mid.getId()), ADMIN);
        assertEquals(400, refused(() -> categories.update(root.getId(), null, Map.of("parentId", leaf.getId()), ADMIN)).status());
        assertEquals(400, refused(() -> categories.update(root.getId(), null, Map.of("parentId", root.getId()), ADMIN)).status());
        assertEquals(409, refused(() -> categories.delete(mid.getId(), null, ADMIN)).status());
        Product p = product("NB-1", "categoryId", leaf.getId());
        assertEquals(409, refused(() -> categories.delete(leaf.getId(), null, ADMIN)).status());
        CatalogService catalog = new CatalogService(products, null);
        assertEquals(List.of(root.getId(), mid.getId(), leaf.getId()), catalog.categoryAndBelow(root.getId()));
        assertEquals(List.of(leaf.getId()), catalog.categoryAndBelow(leaf.getId()));
        products.delete(p.getId(), null, ADMIN);
        categories.delete(leaf.getId(), null, ADMIN);
    }

    @Test
    public void theCatalogServiceAnswersWithTaxRateAndComponents() {
        new DefaultTaxClasses(taxes, null);
        assertEquals(4, taxes.count());
        new DefaultTaxClasses(taxes, null); // a second start writes nothing more
        assertEquals(4, taxes.count());
        TaxClass vat13 = taxes.list(new org.atriumcrm.api.query.ListQuery(0, 10, List.of(), null, List.of())).items().stream()
                .filter(t -> t.getRate().compareTo(new BigDecimal("13")) == 0).findFirst().orElseThrow();
        Product gift = product("GIFT-1");
        Product main = product("MAIN-1", "taxClassId", vat13.getId(), "reorderLevel", new BigDecimal("5"));
        components.create(Map.of("productId", main.getId(), "componentProductId", gift.getId(), "quantity", BigDecimal.ONE,
                "gift", true), ADMIN);
        CatalogService catalog = new CatalogService(products, null);
        Catalog.Item item = catalog.item(main.getId()).orElseThrow();
        assertEquals(0, new BigDecimal("13").compareTo(item.taxRate()));
        assertEquals(Catalog.Kind.PRODUCT, item.kind());
        assertEquals(1, item.components().size());
        assertEquals(gift.getId(), item.components().get(0).productId());
        assertEquals(0, BigDecimal.ONE.compareTo(item.components().get(0).quantity()));
        assertTrue(item.components().get(0).gift());
        products.delete(gift.getId(), null, ADMIN);
        assertTrue(catalog.item(gift.getId()).isEmpty());
        assertTrue(catalog.item("nope").isEmpty());
    }
}
