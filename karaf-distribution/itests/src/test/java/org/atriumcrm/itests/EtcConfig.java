package org.atriumcrm.itests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code etc/<pid>.cfg} as an administrator edits it, and the wait until Karaf has applied it. Felix FileInstall
 * applies the file on its next scan, and when it removes a configuration it deletes that configuration's file
 * afterwards, asynchronously: a file written right after another test removed its own could be deleted again. So
 * {@link #write} writes again whenever the file is missing or not what it wrote, and {@link #remove} waits until the
 * configuration is gone, so the next test starts from no configuration.
 */
final class EtcConfig {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private EtcConfig() {
    }

    static Path file(String pid) {
        return Paths.get(System.getProperty("karaf.etc"), pid + ".cfg");
    }

    /** Writes {@code values} as the file of {@code pid} and returns once the configuration holds every one of them. */
    static void write(ConfigurationAdmin configAdmin, String pid, Map<String, ?> values) throws Exception {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        String content = text.toString();
        Path file = file(pid);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(file) || !content.equals(Files.readString(file, StandardCharsets.UTF_8))) {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
            Dictionary<String, Object> props = properties(configAdmin, pid);
            if (props != null && values.entrySet().stream()
                    .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(props.get(e.getKey()))))) {
                Thread.sleep(300); // the components get the change right after the configuration
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("etc/" + pid + ".cfg was not picked up in " + PATIENCE.toSeconds() + " s: "
                + properties(configAdmin, pid));
    }

    /** Deletes the file of {@code pid} and returns once Karaf has removed its configuration. */
    static void remove(ConfigurationAdmin configAdmin, String pid) throws Exception {
        Files.deleteIfExists(file(pid));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Configuration[] left = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (left == null || left.length == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the configuration " + pid + " stayed after etc/" + pid + ".cfg was deleted");
    }

    private static Dictionary<String, Object> properties(ConfigurationAdmin configAdmin, String pid) throws Exception {
        Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
        try {
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IllegalStateException deleted) {
            return null; // removed while we looked
        }
    }
}
