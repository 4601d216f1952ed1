package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.testkit.http.Api;

/**
 * The distribution as an operator runs it, for the process-level tests: unpacked from the built archive, given free
 * ports, cut off from every Maven repository, started with bin/karaf, stopped with bin/stop — or killed with SIGKILL.
 */
final class KarafProcess implements AutoCloseable {
    final Path home;
    final int http = AtriumTestSupport.freePort();
    final int ssh = AtriumTestSupport.freePort();
    private Process karaf;

    KarafProcess(Path home) {
        this.home = home.toAbsolutePath();
    }

    String base() {
        return "http://localhost:" + http;
    }

    /** Unpacks a fresh copy with free ports and no remote repositories. */
    KarafProcess unpack() throws Exception {
        Path parent = home.getParent();
        if (Files.exists(parent)) {
            run(List.of("rm", "-rf", parent.toString()), Duration.ofSeconds(60));
        }
        Files.createDirectories(home);
        run(List.of("tar", "-xzf", System.getProperty("atrium.distribution"), "-C", home.toString(), "--strip-components=1"),
                Duration.ofSeconds(120));
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http);
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", ssh);
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", AtriumTestSupport.freePort());
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", AtriumTestSupport.freePort());
        offline();
        return this;
    }

    /**
     * No remote Maven repositories and an empty local one: the distribution must boot from its own system/
     * folder, as on a machine without network or Maven.
     */
    private void offline() throws IOException {
        Path cfg = home.resolve("etc/org.ops4j.pax.url.mvn.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        String offline = text.replaceAll("(?m)^org\\.ops4j\\.pax\\.url\\.mvn\\.repositories\\s*=(.*\\\\\\R)*.*$",
                "org.ops4j.pax.url.mvn.repositories=");
        assertTrue("remote repositories left in " + cfg, !offline.equals(text)
                && offline.lines().noneMatch(line -> !line.strip().startsWith("#") && line.contains("https://")));
        Path emptyLocal = home.resolveSibling("empty-m2");
        Files.createDirectories(emptyLocal);
        Files.writeString(cfg, offline + System.lineSeparator() + "org.ops4j.pax.url.mvn.localRepository="
                + emptyLocal + System.lineSeparator() + "org.ops4j.pax.url.mvn.offline=true" + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }

    /** Starts bin/karaf and returns the milliseconds until the platform reports ready. */
    long start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        Map<String, String> env = pb.environment();
        env.remove("ATRIUM_ADMIN_PASSWORD"); // the generated first password is what an operator gets
        env.put("JAVA_HOME", System.getProperty("java.home"));
        long t0 = System.nanoTime();
        karaf = pb.start();
        new Api(base()).awaitReady(Duration.ofSeconds(120));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** The first administrator's password, generated at the first start. */
    String adminPassword() throws IOException {
        return Files.readString(home.resolve("data/initial-admin-password"), StandardCharsets.UTF_8).strip();
    }

    void stop() throws Exception {
        run(List.of(home.resolve("bin/stop").toString()), Duration.ofSeconds(60));
        assertTrue("karaf did not stop", karaf.waitFor(60, TimeUnit.SECONDS));
    }

    /** SIGKILL to the Karaf JVM (bin/karaf's child): no shutdown hook, no flush, as a power cut or the OOM killer. */
    void kill() throws Exception {
        List<ProcessHandle> jvms = karaf.toHandle().descendants().toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        }
        karaf.waitFor(30, TimeUnit.SECONDS);
    }

    /** bin/karaf is a script: its JVM is a child process, which a failed test must not leave running (it holds the database). */
    @Override
    public void close() throws Exception {
        if (karaf != null) {
            List<ProcessHandle> jvms = karaf.toHandle().descendants().toList();
            karaf.destroy();
            jvms.forEach(ProcessHandle::destroy);
            for (ProcessHandle jvm : jvms) {
                if (!jvm.onExit().completeOnTimeout(jvm, 30, TimeUnit.SECONDS).get().equals(jvm) || jvm.isAlive()) {
                    jvm.destroyForcibly();
                }
            }
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.destroyForcibly();
            }
        }
    }

    static String run(List<String> command, Duration timeout) throws Exception {
        File out = Files.createTempFile(Paths.get("target"), "cmd", ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " timed out: " + Files.readString(out.toPath()));
        }
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertEquals(command + ": " + output, 0, p.exitValue());
        return output;
    }

    void setProperty(String file, String key, int value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(path, lines, StandardCharsets.UTF_8);
    }
}
