package ${package}.internal;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The plugin inside the real Atrium distribution, exercised over HTTP like any API client. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginIT {
    private static final String PASSWORD = "plugin-Test-1";
    private static final Duration BOOT = Duration.ofSeconds(90);

    @Configuration
    public Option[] config() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new Option[] {
            // files Maven resolved (see the pom): the distribution and bundles of this build, whatever the local repository
            karafDistributionConfiguration().frameworkUrl(file("atrium.distribution"))
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(port)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "0"),
            systemProperty("plugin.test.port").value(String.valueOf(port)),
            systemProperty("atrium.admin.password").value(PASSWORD),
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            // the test kit's API client runs in the container, next to this test
            bundle(file("atrium.testkit.jar")),
            bundle(file("atrium.plugin.jar")),
        };
    }

    private static String file(String property) {
        return new File(System.getProperty(property)).toURI().toString();
    }

    private static Api admin() {
        return new Api("http://localhost:" + System.getProperty("plugin.test.port")).basic("admin", PASSWORD);
    }

    @Test
    public void recordsAreServedAndEventsArrive() {
        Api api = admin();
        api.awaitReady(BOOT);
        api.awaitOk("/api/v1/${moduleId}/status", BOOT);
        String accountId = id(api.post("/api/v1/accounts", "{\"name\":\"Plugin test account\"}"));
        id(api.post("/api/v1/${entityPlural}", "{\"title\":\"First\",\"accountId\":\"" + accountId + "\"}"));
        assertProblem(api.post("/api/v1/${entityPlural}", "{\"body\":\"no title\"}"), 400, "title");
        awaitJson(api, "/api/v1/${entityPlural}", list -> list.get("total").asInt() == 1, BOOT);
        awaitJson(api, "/api/v1/${moduleId}/status", status -> status.get("accountEventsSeen").asLong() >= 1, Duration.ofSeconds(10));
        assertTrue(api.awaitOk("/api/v1/admin/routes", BOOT).body.contains("${moduleId}-heartbeat"));
    }
}
