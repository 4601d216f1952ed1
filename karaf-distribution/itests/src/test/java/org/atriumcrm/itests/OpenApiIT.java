package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/openapi.json} as client generators read it, with every module of the distribution enabled: unique
 * operation ids, resolvable references, typed arrays, PATCH schemas without required fields, headers and
 * constraints; and the server behaving as the document says (a PUT of what GET answered, a DELETE that asks for
 * problem+json only, built-in records matching their schema). Swagger's own validator and a generated Java client
 * run against the process-started distribution in {@link DistributionRestartIT} (they are not OSGi bundles).
 */
public class OpenApiIT extends AtriumTestSupport {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head", "trace");
    private Api api;
    private JsonNode doc;

    @Before
    public void connect() {
        api = adminApi();
        api.awaitReady(Duration.ofSeconds(90));
        Api.Answer a = api.get("/api/openapi.json");
        assertEquals(a.toString(), 200, a.status);
        doc = a.json();
    }

    /**
     * Problems in the caller's language: a zh-CN user's invalid record is refused in Chinese (title, detail with the
     * field's Chinese label, field messages), an English user's in English, with the same type and codes; without a
     * user (a 401), Accept-Language decides. The document promises it: Content-Language and the code of field errors.
     */
    @Test
    public void problemsAnswerInTheCallersLanguageWithTheSameCodes() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String password = "Problem-Lang-2026";
        for (String lang : List.of("zh-CN", "en")) {
            assertEquals(201, api.post("/api/v1/admin/users", "{\"loginName\":\"lang." + lang.toLowerCase() + "." + tag
                    + "\",\"password\":\"" + password + "\",\"language\":\"" + lang + "\"}").status);
        }
        Api zh = new Api(baseUrl()).basic("lang.zh-cn." + tag, password);
        Api en = new Api(baseUrl()).basic("lang.en." + tag, password);
        String invalid = "{\"industry\":\"mining\",\"website\":\"no web address\",\"employees\":\"many\"}";
        // the user's setting wins over the request's Accept-Language
        Api.Answer chinese = zh.post("/api/v1/accounts", invalid, "Content-Type", "application/json", "Accept-Language", "en");
        Api.Answer english = en.post("/api/v1/accounts", invalid, "Content-Type", "application/json", "Accept-Language", "zh-CN");
        assertProblem(chinese, 400, null);
        assertProblem(english, 400, null);
        assertEquals("zh-CN", chinese.header("Content-Language"));
        assertEquals("en", english.header("Content-Language"));
        JsonNode c = chinese.json();
        JsonNode e = english.json();
        assertEquals(e.get("type").asText(), c.get("type").asText());
        assertEquals("校验未通过", c.get("title").asText());
        assertEquals("4 个字段有误", c.get("detail").asText());
        assertEquals("Validation failed", e.get("title").asText());
        Map<String, String[]> expected = Map.of(
                "name", new String[] {"required", "不能为空", "is required"},
                "industry", new String[] {"picklist", "必须是以下值之一", "must be one of"},
                "website", new String[] {"url", "不是有效的网址", "is not a valid web address"},
                "employees", new String[] {"integer", "必须是整数", "must be an integer"});
        assertEquals(c.toString(), expected.size(), c.get("errors").size());
        for (int i = 0; i < c.get("errors").size(); i++) {
            JsonNode ce = c.get("errors").get(i);
            JsonNode ee = e.get("errors").get(i);
            String[] want = expected.get(ce.get("field").asText());
            assertNotNull(c.toString(), want);
            assertEquals(ce.toString(), want[0], ce.get("code").asText());
            assertEquals("the same code in English", ce.get("code").asText(), ee.get("code").asText());
            assertEquals(ce.get("field").asText(), ee.get("field").asText());
            assertTrue(ce.toString(), ce.get("message").asText().startsWith(want[1]));
            assertTrue(ee.toString(), ee.get("message").asText().startsWith(want[2]));
        }
        // one field: the detail names it by its Chinese label
        assertEquals("客户名称：不能为空", zh.post("/api/v1/accounts", "{\"industry\":\"retail\"}").json().get("detail").asText());
        String missing = UUID.randomUUID().toString();
        Api.Answer notFound = zh.get("/api/v1/accounts/" + missing);
        assertProblem(notFound, 404, null);
        assertEquals("找不到 id 为 " + missing + " 的客户", notFound.json().get("detail").asText());
        assertEquals("no Account with id " + missing, en.get("/api/v1/accounts/" + missing).json().get("detail").asText());

        // no user yet: Accept-Language
        Api anonymous = new Api(baseUrl());
        Api.Answer zh401 = anonymous.get("/api/v1/accounts", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
        assertProblem(zh401, 401, null);
        assertEquals("zh-CN", zh401.header("Content-Language"));
        assertEquals("未登录", zh401.json().get("title").asText());
        Api.Answer en401 = anonymous.get("/api/v1/accounts", "Accept-Language", "fr-FR,en;q=0.5");
        assertEquals("en", en401.header("Content-Language"));
        assertEquals("Unauthorized", en401.json().get("title").asText());
        assertEquals(zh401.json().get("type").asText(), en401.json().get("type").asText());

        // and the document says so
        assertEquals("#/components/headers/Content-Language", doc.at("/paths/~1v1~1accounts/post/responses/400/headers/Content-Language/$ref").asText());
        assertTrue(doc.at("/components/schemas/FieldError/required").toString().contains("code"));
        assertTrue(doc.at("/info/description").asText().contains("Accept-Language"));
    }

    @Test
    public void everyOperationHasAUniqueIdAndEveryReferenceResolves() {
        assertEquals(baseUrl() + "/api", doc.at("/servers/0/url").asText());
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int[] operations = {0};
        forEachOperation((method, path, op) -> {
            operations[0]++;
            String id = op.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(method + " " + path + ": operationId '" + id + "' missing or repeated");
            }
            if ((!op.has("security") || !op.get("security").isEmpty()) && !op.at("/responses/401").isObject()) {
                problems.add(method + " " + path + ": 401 not documented");
            }
        });
        check(doc, "#", problems);
        assertTrue(problems.size() + " problems: " + problems, problems.isEmpty());
        assertTrue("operations: " + operations[0], operations[0] > 300);
        for (String id : List.of("listAccounts", "createAccount", "getAccount", "updateAccount", "patchAccount", "deleteAccount",
                "getAccountHistory", "shareAccount", "transferAccount", "findAccountDuplicates", "convertLead", "getMe",
                "changeMyPassword", "listRecycleBin", "uploadImportFile", "listSalesProcesses")) {
            assertTrue(id, ids.contains(id));
        }
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                if (path.getValue().get(method) != null) {
                    visitor.visit(method, path.getKey(), path.getValue().get(method));
                }
            }
        }
    }

    /** Every $ref points into the document, and every array schema says what its items are. */
    private void check(JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) {
                    problems.add(where + ": $ref " + ref + " does not resolve");
                }
            }
            if ("array".equals(node.path("type").asText()) && !node.has("items")) {
                problems.add(where + ": array without items");
            }
            node.fields().forEachRemaining(e -> check(e.getValue(), where + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), where + "/" + i, problems);
            }
        }
    }

    @Test
    public void schemasHeadersAndParametersSayWhatTheServerEnforces() {
        JsonNode account = doc.at("/components/schemas/Account");
        JsonNode patch = doc.at("/components/schemas/AccountPatch");
        assertTrue(account.toString(), account.get("required").toString().contains("name"));
        assertFalse("PATCH requires nothing: " + patch, patch.has("required"));
        assertFalse("read-only fields are not in the PATCH schema", patch.at("/properties").has("createdAt"));
        assertEquals("#/components/schemas/AccountPatch", doc.at("/paths/~1v1~1accounts~1{id}/patch/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/components/schemas/Account/properties/createdBy/format").isMissingNode());
        assertTrue(doc.at("/components/schemas/SalesProcess/properties/ownerId/format").isMissingNode());
        JsonNode list = doc.at("/paths/~1v1~1accounts/get");
        JsonNode limit = param(list, "limit");
        assertEquals(1, limit.at("/schema/minimum").asInt());
        assertEquals(500, limit.at("/schema/maximum").asInt());
        assertEquals(0, param(list, "offset").at("/schema/minimum").asInt());
        assertEquals("[\"bounded\",\"exact\",\"none\"]", param(list, "total").at("/schema/enum").toString());
        assertTrue(param(list, "filter").get("description").asText().contains("* is the wildcard"));
        assertNotNull("accounts have a quick search", param(list, "q"));
        assertEquals("#/components/headers/Location", doc.at("/paths/~1v1~1accounts/post/responses/201/headers/Location/$ref").asText());
        assertEquals("#/components/headers/ETag", doc.at("/paths/~1v1~1accounts~1{id}/get/responses/200/headers/ETag/$ref").asText());
        for (String method : List.of("put", "patch", "delete")) {
            JsonNode op = doc.at("/paths/~1v1~1accounts~1{id}/" + method);
            assertNotNull(method + " takes If-Match", param(op, "If-Match"));
            assertTrue(method, op.at("/responses/412/content").has("application/problem+json"));
        }
        for (String status : List.of("400", "401", "403", "409", "413", "415")) {
            assertTrue(status, doc.at("/paths/~1v1~1accounts/post/responses/" + status).isObject());
        }
        assertEquals("#/components/schemas/PasswordChange",
                doc.at("/paths/~1v1~1me~1password/post/requestBody/content/application~1json/schema/$ref").asText());
    }

    private static JsonNode param(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    @Test
    public void aPutOfWhatGetAnsweredIsAcceptedAndAChangedReadOnlyFieldIsNot() {
        String name = "OpenAPI PUT " + UUID.randomUUID();
        Api.Answer created = api.post("/api/v1/accounts", "{\"name\":\"" + name + "\",\"industry\":\"retail\"}");
        String id = id(created);
        Api.Answer read = api.get("/api/v1/accounts/" + id);
        ObjectNode body = (ObjectNode) ok(read);
        body.put("billingCity", "杭州");
        Api.Answer put = api.put("/api/v1/accounts/" + id, body.toString(), "If-Match", read.header("ETag"));
        assertEquals("杭州", ok(put).get("billingCity").asText());
        assertEquals(body.get("version").asLong() + 1, put.json().get("version").asLong());
        // what the first read said about version is stale now: a changed read-only value is refused, naming it
        body.put("billingCity", "宁波");
        assertProblem(api.put("/api/v1/accounts/" + id, body.toString()), 400, "version");
        ObjectNode patch = (ObjectNode) put.json().deepCopy();
        patch.retain("id", "createdAt", "version", "billingCity");
        patch.put("billingCity", "宁波");
        assertEquals("宁波", ok(api.patch("/api/v1/accounts/" + id, patch.toString())).get("billingCity").asText());
    }

    @Test
    public void aDeleteThatAcceptsOnlyProblemJsonIsAnswered() {
        String id = id(api.post("/api/v1/accounts", "{\"name\":\"OpenAPI DELETE " + UUID.randomUUID() + "\"}"));
        Api.Answer deleted = api.delete("/api/v1/accounts/" + id, "Accept", "application/problem+json");
        assertEquals(deleted.toString(), 204, deleted.status);
        Api.Answer again = api.delete("/api/v1/accounts/" + id, "Accept", "application/problem+json");
        assertProblem(again, 404, null);
        Api.Answer me = api.get("/api/v1/me", "Accept", "application/problem+json");
        assertEquals(me.toString(), 200, me.status);
    }

    /**
     * Every request body and answer of every operation has a schema a client generator can make a type of: a bare
     * {@code type: object} (no properties, no additionalProperties, no $ref) becomes an untyped map.
     */
    @Test
    public void everyBodyAndAnswerIsTyped() {
        List<String> untyped = new ArrayList<>();
        forEachOperation((method, path, op) -> {
            op.at("/requestBody/content").fields().forEachRemaining(c -> {
                if (untyped(c.getValue().get("schema"))) {
                    untyped.add(method + " " + path + " request " + c.getKey());
                }
            });
            op.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields().forEachRemaining(c -> {
                if (untyped(c.getValue().get("schema"))) {
                    untyped.add(method + " " + path + " " + r.getKey() + " " + c.getKey());
                }
            }));
        });
        assertTrue(untyped.size() + " untyped bodies and answers: " + untyped, untyped.isEmpty());
    }

    private static boolean untyped(JsonNode schema) {
        if (schema == null || schema.isEmpty()) {
            return true;
        }
        boolean object = "object".equals(schema.path("type").asText()) || !schema.has("type");
        return object && !schema.has("properties") && !schema.has("additionalProperties") && !schema.has("$ref")
                && !schema.has("allOf") && !schema.has("oneOf") && !schema.has("anyOf");
    }

    /**
     * A method a path does not support is a 405 whose Allow lists what the path does support (never the refused
     * method); OPTIONS answers the same list. TRACE, which Pax Web refuses before the API sees it, gets the same
     * problem and Allow from a Jetty customizer in front of the server, and never an echo of the request; outside the
     * API (the web UI's paths) a TRACE is told GET and HEAD, and an API path that does not exist is a 404.
     */
    @Test
    public void aRefusedMethodIsAProblemWhoseAllowListsWhatThePathSupports() {
        String id = id(api.post("/api/v1/accounts", "{\"name\":\"OpenAPI Allow " + UUID.randomUUID() + "\"}"));
        String[][] cases = {
            {"DELETE", "/api/v1/accounts", "GET, HEAD, POST, OPTIONS"},
            {"PUT", "/api/v1/accounts/" + id + "/history", "GET, HEAD, OPTIONS"},
            {"DELETE", "/api/v1/admin/system", "GET, HEAD, OPTIONS"},
        };
        for (String[] c : cases) {
            Api.Answer refused = api.send(c[0], c[1], null);
            assertProblem(refused, 405, null);
            assertEquals(c[0] + " " + c[1], c[2], refused.header("Allow"));
            assertTrue(refused.json().get("detail").asText(), refused.json().get("detail").asText().contains(c[2]));
        }
        String[][] traces = {
            {"/api/v1/accounts", "GET, HEAD, POST, OPTIONS"},
            {"/api/v1/accounts/" + id, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"},
            {"/app/main.js", "GET, HEAD"},
        };
        for (String[] c : traces) {
            for (Api.Answer trace : List.of(api.send("TRACE", c[0], null), http("TRACE", c[0], null))) {
                assertProblem(trace, 405, null);
                assertEquals("TRACE " + c[0], c[1], trace.header("Allow"));
                assertFalse("TRACE echoes nothing: " + trace, String.valueOf(trace.body).contains("Authorization"));
            }
        }
        assertProblem(api.send("TRACE", "/api/v1/no-such-things", null), 404, null);
        for (String[] c : new String[][] {{"/api/v1/accounts", "GET, HEAD, POST, OPTIONS"}, {"/api/v1/accounts/" + id, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"},
                {"/api/v1/admin/system", "GET, HEAD, OPTIONS"}}) {
            Api.Answer options = api.send("OPTIONS", c[0], null);
            assertEquals(options.toString(), 200, options.status);
            assertEquals("OPTIONS " + c[0], c[1], options.header("Allow"));
        }
        assertEquals(401, http("OPTIONS", "/api/v1/accounts", null).status);
    }

    /**
     * A body the client got wrong (no Content-Type, none at all, malformed JSON, a charset other than UTF-8) is a 4xx problem and
     * no server failure: nothing about it at ERROR in the log, nor a WARN with a stack trace (CXF's "No message body
     * reader" was an ERROR, a JSON syntax error a WARN with 60 lines of stack).
     */
    @Test
    public void aClientsBodyMistakeIsAProblemAndNoErrorInTheLog() throws Exception {
        Path log = Paths.get(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
        long before = Files.size(log);
        HttpRequest untyped = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/accounts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((adminUser() + ":" + adminPassword())
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"no content type\"}")).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(untyped, HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.body(), 415, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse(""), answer.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json"));
        assertTrue(answer.body(), answer.body().contains("must be application/json"));
        HttpRequest bodiless = HttpRequest.newBuilder(untyped.uri()).header("Authorization", untyped.headers().firstValue("Authorization").get())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> empty = HttpClient.newHttpClient().send(bodiless, HttpResponse.BodyHandlers.ofString());
        assertEquals(empty.body(), 400, empty.statusCode());
        assertTrue(empty.body(), empty.body().contains("the request body is empty"));
        assertProblem(api.post("/api/v1/accounts", "{\"name\":", "Content-Type", "application/json"), 400, "line 1");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"x\"}", "Content-Type", "application/json; charset=ISO-8859-1"), 400, "UTF-8");
        assertProblem(api.post("/api/v1/admin/ownership-transfers", "[", "Content-Type", "application/json"), 400, null);
        List<String> logged = new ArrayList<>();
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(before, file.length()));
            for (String line = file.readLine(); line != null; line = file.readLine()) {
                boolean error = line.contains("| ERROR |");
                boolean cxf = line.contains("JAXRSUtils") || line.contains("PhaseInterceptorChain") || line.contains("message body")
                        || line.contains("ProblemMapper");
                if (error && cxf || cxf && line.contains("| WARN ") || line.startsWith("\tat org.apache.cxf")) {
                    logged.add(line);
                }
            }
        }
        assertTrue("logged for a client's mistake: " + logged, logged.isEmpty());
    }

    /** A typed client fails on a property its schema lacks, or on a uuid-format value that is not one. */
    @Test
    public void recordsAndBuiltInSalesProcessesMatchTheirSchemas() {
        id(api.post("/api/v1/accounts", "{\"name\":\"OpenAPI schema " + UUID.randomUUID() + "\"}"));
        boolean system = false;
        for (String[] type : new String[][] {{"accounts", "Account"}, {"sales-processes", "SalesProcess"}, {"sales-stages", "SalesStage"}}) {
            JsonNode page = ok(api.get("/api/v1/" + type[0] + "?limit=20"));
            JsonNode pageSchema = doc.at("/components/schemas/" + type[1] + "Page/properties");
            page.fieldNames().forEachRemaining(n -> assertTrue(type[1] + "Page lacks " + n, pageSchema.has(n)));
            JsonNode properties = doc.at("/components/schemas/" + type[1] + "/properties");
            assertFalse(type[0], page.get("items").isEmpty());
            for (JsonNode record : page.get("items")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode schema = properties.get(field.getKey());
                    assertNotNull(type[1] + " schema lacks " + field.getKey(), schema);
                    if ("uuid".equals(schema.path("format").asText()) && !field.getValue().isNull()) {
                        UUID.fromString(field.getValue().asText());
                    }
                }
                system |= "system".equals(record.path("createdBy").asText());
            }
        }
        assertTrue("built-in sales processes are made by \"system\"", system);
    }
}
