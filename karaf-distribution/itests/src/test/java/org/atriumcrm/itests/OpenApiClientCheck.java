package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atriumcrm.itests.client.ApiClient;
import org.atriumcrm.itests.client.ApiException;
import org.atriumcrm.itests.client.ApiResponse;
import org.atriumcrm.itests.client.api.AccountsApi;
import org.atriumcrm.itests.client.model.Account;
import org.atriumcrm.itests.client.model.AccountPage;
import org.atriumcrm.itests.client.model.AccountPatch;
import org.atriumcrm.testkit.http.Api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What an integrator does with {@code /api/openapi.json} (issue 13, item 8): validate it, generate a client, use it.
 * The client (openapi-generator, java/native, generated at build time from the checked-in copy of the document)
 * runs a CRUD on accounts with FAIL_ON_UNKNOWN_PROPERTIES on, so an answer with a member its schema lacks fails.
 */
final class OpenApiClientCheck {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiClientCheck() {
    }

    static void run(String base, String user, String password) throws Exception {
        Api api = new Api(base).basic(user, password);
        String served = api.get("/api/openapi.json").body;
        // a feature refresh late in the boot (on a slow machine, after UP) takes a module's components down and
        // brings them back: a document read meanwhile lacks their paths, so the copy is compared with what is
        // served once the platform is UP again and the document stops changing
        Path copy = Paths.get(System.getProperty("atrium.openapi.copy"));
        ObjectNode checkedIn = comparable(JSON.readTree(Files.readString(copy, StandardCharsets.UTF_8)));
        for (long deadline = System.nanoTime() + 90_000_000_000L; !Boolean.getBoolean("atrium.openapi.update")
                && !comparable(JSON.readTree(served)).equals(checkedIn) && System.nanoTime() < deadline;) {
            Thread.sleep(1000);
            api.awaitReady(java.time.Duration.ofSeconds(60));
            served = api.get("/api/openapi.json").body;
        }
        validate(served);
        compareWithCopy(served);
        crud(base, user, password);
    }

    /** Swagger's parser finds no error, and every operation has its own operationId. */
    static void validate(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertTrue("the document does not validate: " + result.getMessages(),
                result.getMessages() == null || result.getMessages().isEmpty());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String id = ((Operation) op).getOperationId();
            if (id == null || !ids.add(id)) {
                problems.add(method + " " + path + ": operationId " + id);
            }
        }));
        assertTrue(problems.toString(), problems.isEmpty());
    }

    /**
     * The client is generated from a checked-in copy; this fails when the served document moved on without it
     * (-Datrium.openapi.update=true rewrites the copy from the served document).
     */
    private static void compareWithCopy(String served) throws Exception {
        Path copy = Paths.get(System.getProperty("atrium.openapi.copy"));
        ObjectNode now = comparable(JSON.readTree(served));
        if (Boolean.getBoolean("atrium.openapi.update")) {
            Files.writeString(copy, JSON.writeValueAsString(now) + "\n", StandardCharsets.UTF_8);
        }
        ObjectNode checkedIn = comparable(JSON.readTree(Files.readString(copy, StandardCharsets.UTF_8)));
        if (!checkedIn.equals(now)) {
            List<String> differences = new ArrayList<>();
            differences(checkedIn, now, "", differences);
            fail("/api/openapi.json differs from " + copy + ", which the test client is generated from: rerun with "
                    + "-Datrium.openapi.update=true, review the difference and commit it. Differences (checked in → served): "
                    + String.join("; ", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    /** JSON pointers where two documents differ, with both values when they are short. */
    static void differences(JsonNode was, JsonNode is, String pointer, List<String> out) {
        if (was.equals(is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!was.has(name) || !is.has(name)) {
                    out.add(at + (was.has(name) ? " removed" : " added"));
                } else {
                    differences(was.get(name), is.get(name), at, out);
                }
            }
        } else if (was.isArray() && is.isArray() && was.size() == is.size()) {
            for (int i = 0; i < was.size(); i++) {
                differences(was.get(i), is.get(i), pointer + "/" + i, out);
            }
        } else {
            out.add(pointer + ": " + shortened(was) + " → " + shortened(is));
        }
    }

    private static String shortened(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Without what differs between two runs of the same code: the port and the build's version. */
    private static ObjectNode comparable(JsonNode doc) {
        ObjectNode copy = (ObjectNode) doc.deepCopy();
        copy.putArray("servers").addObject().put("url", "http://localhost:8181/api");
        ((ObjectNode) copy.get("info")).put("version", "0");
        return copy;
    }

    private static void crud(String base, String user, String password) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base + "/api");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        AccountsApi accounts = new AccountsApi(client);

        String name = "Generated client " + UUID.randomUUID();
        Account draft = new Account().name(name).industry(Account.IndustryEnum.RETAIL).billingCity("苏州");
        ApiResponse<Account> created = accounts.createAccountWithHttpInfo(draft, null);
        assertEquals(201, created.getStatusCode());
        Account account = created.getData();
        String id = account.getId().toString();
        assertTrue(created.getHeaders().toString(), created.getHeaders().containsKey("location"));

        ApiResponse<Account> read = accounts.getAccountWithHttpInfo(id, null);
        String etag = read.getHeaders().get("etag").get(0);
        Account replaced = read.getData().billingCity("无锡");
        Account afterPut = accounts.updateAccount(id, replaced, etag); // what GET answered, read-only fields and all
        assertEquals("无锡", afterPut.getBillingCity());

        Account afterPatch = accounts.patchAccount(id, new AccountPatch().phone("+86 510 8888 0000"), null);
        assertEquals("+86 510 8888 0000", afterPatch.getPhone());
        assertEquals("无锡", afterPatch.getBillingCity());

        AccountPage page = accounts.listAccounts(0, 10, null, name, null, null);
        assertEquals(1, page.getItems().size());
        assertEquals(Long.valueOf(1), page.getTotal());

        accounts.deleteAccount(id, null);
        try {
            accounts.getAccount(id, null);
            fail("deleted");
        } catch (ApiException e) {
            assertEquals(404, e.getCode());
        }
    }
}
