package org.atriumcrm.ui.internal;

import static org.junit.Assert.assertArrayEquals;
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
