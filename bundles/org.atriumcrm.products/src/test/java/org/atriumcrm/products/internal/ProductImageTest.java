package org.atriumcrm.products.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordFile;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ProductImageTest {
    private static final Caller ADMIN = new Caller("u-admin", "admin", true);
    private static InMemoryJpa jpa;

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @BeforeClass
    public static void open() {
        jpa = InMemoryJpa.of("atrium.products");
    }

    @AfterClass
    public static void close() {
        jpa.close();
    }

    static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < size; i++) {
            b[i] = (byte) i;
        }
        return b;
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
    public void storesStreamsAndRefuses() throws Exception {
        ProductStore products = new ProductStore(jpa, null, null);
        Product p = products.create(Map.of("sku", "IMG-" + System.nanoTime(), "name", "带图产品", "listPrice", BigDecimal.TEN), ADMIN);
        Path images = dir.getRoot().toPath();
        ProductImage image = new ProductImage(products, null, images);
        byte[] first = png(200_000);
        image.store(products, p, "image/png", first.length, new ByteArrayInputStream(first), ADMIN);
        Product stored = products.find(p.getId()).orElseThrow();
        RecordFile.Content content = image.read(stored).orElseThrow();
        assertEquals("image/png", content.mediaType());
        assertEquals(first.length, content.size());
        assertArrayEquals(first, Files.readAllBytes(content.path()));

        byte[] second = png(1000);
        image.store(products, stored, "image/png", -1, new ByteArrayInputStream(second), ADMIN);
        RecordFile.Content replaced = image.read(products.find(p.getId()).orElseThrow()).orElseThrow();
        assertNotEquals(content.etag(), replaced.etag());
        assertFalse("the old file is gone", Files.exists(content.path()));
        try (var files = Files.list(images)) {
            assertEquals(1, files.count());
        }

        // too large: by the declared length, and by counting a body sent without one (never read whole)
        assertEquals(413, status(() -> image.store(products, p, "image/png", ProductImage.MAX_BYTES + 1, new ByteArrayInputStream(second), ADMIN)));
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < 8 ? png(8)[(int) sent - 1] & 0xff : 7;
            }
        };
        assertEquals(413, status(() -> image.store(products, p, "image/png", -1, endless, ADMIN)));
        assertEquals(415, status(() -> image.store(products, p, "image/gif", 10, new ByteArrayInputStream(new byte[10]), ADMIN)));
        assertEquals(415, status(() -> image.store(products, p, null, 10, new ByteArrayInputStream(new byte[10]), ADMIN)));
        assertEquals(415, status(() -> image.store(products, p, "image/jpeg", second.length, new ByteArrayInputStream(second), ADMIN)));
        assertEquals(400, status(() -> image.store(products, p, "image/png", 0, new ByteArrayInputStream(new byte[0]), ADMIN)));
        // the refusals left the stored image as it was, and no partial files
        assertEquals(replaced.etag(), image.read(products.find(p.getId()).orElseThrow()).orElseThrow().etag());
        try (var files = Files.list(images)) {
            assertEquals(1, files.count());
        }
        assertTrue(image.read(products.create(Map.of("sku", "NOIMG-" + System.nanoTime(), "name", "无图"), ADMIN)).isEmpty());
    }
}
