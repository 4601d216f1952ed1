package org.atriumcrm.ui.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.Test;

public class UiCompressionTest {
    @Test
    public void gzipOnlyWhenTheBrowserTakesIt() {
        assertTrue(UiServlet.acceptsGzip("gzip, deflate, br"));
        assertTrue(UiServlet.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(UiServlet.acceptsGzip(null));
        assertFalse(UiServlet.acceptsGzip("identity"));
        assertFalse(UiServlet.acceptsGzip("gzip;q=0"));
        assertFalse(UiServlet.acceptsGzip("gzip; q=0.0, deflate"));
        assertFalse(UiServlet.acceptsGzip("x-gzip2"));
    }

    @Test
    public void eachEntryIsReadAndCompressedOnceAndMissingEntriesAreNotRemembered() throws Exception {
        UiBodies servlet = new UiBodies();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        byte[] module = "export const 客户 = 'account';\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        UiBodies.Body first = servlet.cached("ui/app/main.js", "text/javascript;charset=utf-8", () -> {
            reads.incrementAndGet();
            return module;
        });
        UiBodies.Body again = servlet.cached("ui/app/main.js", "text/javascript;charset=utf-8", () -> {
            reads.incrementAndGet();
            return module;
        });
        assertEquals(1, reads.get());
        assertSame("the gzipped bytes are kept, not made per request", first.gzipped(), again.gzipped());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first.gzipped()))) {
            assertArrayEquals(module, in.readAllBytes());
        }
        assertNull(servlet.cached("ui/app/none.js", "text/javascript;charset=utf-8", () -> null));
        assertNull("a small file is kept as it is", servlet.cached("ui/app/favicon.svg", "image/svg+xml", () -> new byte[10]).gzipped());
        byte[] later = module.clone();
        assertEquals("an entry that was missing is read when asked again", later,
                servlet.cached("ui/app/none.js", "text/javascript;charset=utf-8", () -> later).raw());
    }

    @Test
    public void textIsCompressedAndComesBackTheSame() throws Exception {
        byte[] module = "export const 客户 = 'account';\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        assertTrue(UiServlet.compressible("application/javascript;charset=utf-8", module));
        assertTrue(UiServlet.compressible("text/css;charset=utf-8", module));
        assertFalse("a small file is sent as it is", UiServlet.compressible("text/css", new byte[100]));
        assertFalse("images are compressed already", UiServlet.compressible("image/png", module));
        byte[] zipped = UiServlet.gzip(module);
        assertTrue(zipped.length < module.length / 5);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertArrayEquals(module, in.readAllBytes());
        }
    }
}
