package org.atriumcrm.plugins.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.atriumcrm.api.error.AtriumException;
import org.junit.Test;

public class PluginArchiveTest {

    private static byte[] jar(String... headers) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            m.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new ZipEntry("a.txt"));
            jar.write("a".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static int status(byte[] bytes) {
        try {
            PluginArchive.inspect(bytes);
            fail("accepted");
            return 0;
        } catch (AtriumException e) {
            return e.status();
        }
    }

    @Test
    public void aBundleIsAccepted() throws IOException {
        PluginArchive a = PluginArchive.inspect(jar("Bundle-SymbolicName", "com.example.crm.thing;singleton:=true",
                "Bundle-Version", "1.2.3", "Atrium-Plugin", "thing"));
        assertEquals("com.example.crm.thing", a.symbolicName());
        assertEquals("1.2.3", a.version());
        assertEquals("thing", a.moduleId());
    }

    @Test
    public void notJarsNotBundlesAndPlatformNamesAreRefused() throws IOException {
        assertEquals(400, status("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, status(jar("Bundle-Version", "1.0")));
        assertEquals(409, status(jar("Bundle-SymbolicName", "org.atriumcrm.core")));
        ByteArrayOutputStream kar = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(kar)) {
            zip.putNextEntry(new ZipEntry("repository/x/readme.txt"));
            zip.write(1);
        }
        assertEquals(400, status(kar.toByteArray()));
        ByteArrayOutputStream realKar = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(realKar)) {
            zip.putNextEntry(new ZipEntry("repository/com/example/x/1.0/x-1.0-features.xml"));
            zip.write("<features/>".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(true, PluginArchive.inspect(realKar.toByteArray()).kar());
    }
}
