package org.atriumcrm.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.atriumcrm.testkit.http.Api;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Boots the real Atrium distribution once for the whole suite (PerSuite) with free ports and a known first
 * administrator password. Tests run inside the container and talk to the API over HTTP like any client.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class AtriumTestSupport {
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "itest-Secret-1";
    private static final String PORT_PROPERTY = "atrium.itest.http.port";

    @Configuration
    public Option[] config() {
        String distribution = System.getProperty("atrium.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("build the distribution first: " + distribution);
        }
        int http = freePort();
        // -Datrium.itest.keep=true keeps target/exam/<uuid> (data/log/karaf.log) for a post-mortem
        Option keep = Boolean.getBoolean("atrium.itest.keep") ? keepRuntimeFolder() : systemProperty("atrium.itest.keep").value("false");
        return new Option[] {
            keep,
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .karafVersion(System.getProperty("karaf.version", "4.4.10"))
                    .name("Atrium CRM")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // our own components at INFO: what they did is in data/log/karaf.log when a test fails (-Datrium.itest.keep=true)
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.atrium.name", "org.atriumcrm"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.atrium.level", "INFO"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.atriummail.name", "org.atriumcrm.mail"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.atriummail.level", "DEBUG"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.camel.name", "org.apache.camel"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.camel.level", "INFO"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
            systemProperty(PORT_PROPERTY).value(String.valueOf(http)),
            systemProperty("atrium.admin.password").value(ADMIN_PASSWORD),
            // BulkBenchmarkIT: rows (default: the smoke size) and where the table goes
            systemProperty("atrium.bench.rows").value(System.getProperty("atrium.bench.rows", "2000")),
            systemProperty("atrium.bench.report").value(new File("target/bulk-benchmark.md").getAbsolutePath()),
            systemProperty("atrium.bench.histogram").value(System.getProperty("atrium.bench.histogram", "false")),
            systemProperty("atrium.itest.pinyin").value(String.valueOf(System.getProperty("atrium.pinyin.plugin"))),
            systemProperty("atrium.itest.notes.plugin").value(String.valueOf(System.getProperty("atrium.notes.plugin"))),
            systemProperty("atrium.itest.pinyin.kar").value(String.valueOf(System.getProperty("atrium.pinyin.kar"))),
            // the benchmark bundle and client of the benchmarks' smoke test
            systemProperty("atrium.itest.bench").value(String.valueOf(System.getProperty("atrium.itest.bench"))),
            systemProperty("atrium.itest.bench.client").value(String.valueOf(System.getProperty("atrium.itest.bench.client"))),
            // UiIT: the class path of its browser JVM and where the screenshots go
            systemProperty("atrium.itest.browser.classpath").value(String.valueOf(System.getProperty("atrium.itest.browser.classpath"))),
            systemProperty("atrium.itest.screenshots").value(new File(System.getProperty("atrium.itest.screenshots", "target/screenshots")).getAbsolutePath()),
            // WireMock in this JVM plays the ERPs' HTTP APIs; the tests stub and verify it through its admin API
            systemProperty("atrium.itest.wiremock").value(SuiteWireMock.baseUrl()),
            // the test SMTP server of MailIT runs inside the container, next to the code it serves
            mavenBundle("com.icegreen", "greenmail", "1.6.15"),
            // the tests' API client (Api, Await, ApiAssertions) lives in the test kit, a bundle of its own
            bundle(new File(System.getProperty("atrium.testkit.jar")).toURI().toString()),
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            vmOption("-Duser.timezone=UTC"),
            vmOption(System.getProperty("atrium.itest.heap", "-Xmx1g")),
            vmOption("-Dfile.encoding=UTF-8"),
        };
    }

    /** {@code http://localhost:<port>} of the container (read inside the container). */
    protected static String baseUrl() {
        return "http://localhost:" + System.getProperty(PORT_PROPERTY);
    }

    /** The first administrator, created at the first start with the password the container was given. */
    protected static String adminUser() {
        return ADMIN_USER;
    }

    protected static String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** An API client logged in as the first administrator. */
    protected static Api adminApi() {
        return new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
    }

    /**
     * One request without credentials (pass an {@code Authorization} header to authenticate): {@code headers} are
     * name/value pairs; a body is sent as UTF-8 JSON unless a {@code Content-Type} header says otherwise.
     */
    protected static Api.Answer http(String method, String path, String body, String... headers) {
        return new Api(baseUrl()).send(method, path, body, headers);
    }

    /** Polls {@code path} as the administrator until it answers 2xx: endpoints appear asynchronously after the boot. */
    protected static Api.Answer waitForHttp(String path, Duration timeout) {
        return adminApi().awaitOk(path, timeout);
    }

    /**
     * The platform's own DataSource ({@code osgi.jndi.service.name=atrium}), for a test that writes or measures around
     * the platform as a SQL script or a baseline would. The service is released when the test probe stops.
     */
    protected static javax.sql.DataSource atriumDataSource(org.osgi.framework.BundleContext context) throws Exception {
        return context.getService(context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=atrium)")
                .iterator().next());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code count} requests on as many threads, all released at once by a barrier; their answers in order. */
    protected static List<Api.Answer> together(int count, IntFunction<Api.Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.apply(n);
                }));
            }
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
