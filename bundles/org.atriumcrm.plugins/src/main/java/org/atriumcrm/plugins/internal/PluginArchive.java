package org.atriumcrm.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.atriumcrm.api.error.AtriumException;

/** What an uploaded file is, checked before anything is installed: a plugin bundle jar, or a KAR. */
record PluginArchive(String symbolicName, String version, String moduleId, boolean kar) {
    /** Manifest header naming the module a plugin built with the SDK contributes. */
    static final String PLUGIN_HEADER = "Atrium-Plugin";

    static PluginArchive inspect(byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new AtriumException(400, "not-a-plugin", "Not a plugin",
                    "the upload is not a jar file (a plugin is an OSGi bundle jar)", null).localized("not-a-jar");
        }
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new AtriumException(400, "not-a-plugin", "Not a plugin", "the upload is not a readable jar: " + e.getMessage(), null)
                    .localized("unreadable-jar", e.getMessage());
        }
        boolean bundle = manifest != null && manifest.getMainAttributes().getValue("Bundle-SymbolicName") != null;
        if (!bundle && isKar(bytes)) {
            return new PluginArchive(null, null, null, true); // a KAR has a manifest too, but no symbolic name
        }
        if (manifest == null) {
            throw new AtriumException(400, "not-a-bundle", "Not a bundle", "the jar has no manifest, so it is not an OSGi bundle", null)
                    .localized("no-manifest");
        }
        String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new AtriumException(400, "not-a-bundle", "Not a bundle",
                    "the jar's manifest has no Bundle-SymbolicName, so it is not an OSGi bundle", null).localized("no-symbolic-name");
        }
        String name = bsn.split(";")[0].strip();
        if (isPlatformName(name)) {
            throw AtriumException.conflict("platform-name", "a plugin cannot use the platform's symbolic name " + name).localized("platform-name", name)
                    .with("symbolicName", name);
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        return new PluginArchive(name, version == null ? "0.0.0" : version.strip(),
                manifest.getMainAttributes().getValue(PLUGIN_HEADER), false);
    }

    /** Our own bundles are org.atriumcrm.* except the org.atriumcrm.plugin.* examples. */
    static boolean isPlatformName(String symbolicName) {
        return symbolicName.startsWith("org.atriumcrm.") && !symbolicName.startsWith("org.atriumcrm.plugin.");
    }

    /** A KAR is a zip whose repository/ folder holds at least one features file. */
    private static boolean isKar(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("repository/") && e.getName().endsWith(".xml")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
