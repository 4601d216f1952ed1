package ${package}.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The plugin inside the real Atrium distribution, exercised over HTTP like any API client. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginIT {
    private static final String PASSWORD = "plugin-Test-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Configuration
    public Option[] config() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(maven("org.atriumcrm", "atrium-distribution").version(System.getProperty("atrium.version")).type("tar.gz"))
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(port)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "0"),
            systemProperty("plugin.test.port").value(String.valueOf(port)),
            systemProperty("atrium.admin.password").value(PASSWORD),
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            bundle(new File(System.getProperty("atrium.plugin.jar")).toURI().toString()),
        };
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + System.getProperty("plugin.test.port") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode await(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        HttpResponse<String> r = null;
        while (System.currentTimeMillis() < deadline) {
            r = call("GET", path, null);
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " not ready: " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
    }

    @Test
    public void recordsAreServedAndEventsArrive() throws Exception {
        await("/api/v1/health");
        await("/api/v1/${moduleId}/status");
        HttpResponse<String> account = call("POST", "/api/v1/accounts", "{\"name\":\"Plugin test account\"}");
        assertEquals(account.body(), 201, account.statusCode());
        String accountId = JSON.readTree(account.body()).get("id").asText();
        HttpResponse<String> created = call("POST", "/api/v1/${entityPlural}", "{\"title\":\"First\",\"accountId\":\"" + accountId + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals(400, call("POST", "/api/v1/${entityPlural}", "{\"text\":\"no title\"}").statusCode());
        assertEquals(1, await("/api/v1/${entityPlural}").get("total").asInt());
        long deadline = System.currentTimeMillis() + 10_000;
        while (await("/api/v1/${moduleId}/status").get("accountEventsSeen").asLong() < 1) {
            assertTrue("no account event arrived", System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
        assertTrue(await("/api/v1/admin/routes").toString().contains("${moduleId}-heartbeat"));
    }
}
