package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Document templates in the running distribution: the seeded defaults, a template created and edited over REST
 * (a broken one refused with Mustache's message), its preview as a PDF whose text is the sample quote's lines, and the
 * module switched off and on with its templates kept.
 */
public class PrintingIT extends AtriumTestSupport {
    private static final String LINES = "<document>\n{{#lines}}<p>{{product}} {{quantity}} {{unit}} {{unitPrice}} {{net}}</p>\n{{/lines}}"
            + "<p>合计 {{totals.grandTotal}} {{totals.currency}}</p>\n</document>";

    private static String filter(String f) {
        return "filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8);
    }

    private static byte[] preview(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/document-templates/" + id + "/preview"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((adminUser() + ":" + adminPassword()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/pdf, application/problem+json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(answer.body(), StandardCharsets.UTF_8), 200, answer.statusCode());
        assertEquals("application/pdf", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return answer.body();
    }

    private static List<String> text(byte[] pdf) throws Exception {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    @Test
    public void templatesAreEditedCheckedPreviewedAndSurviveTheModuleSwitchedOff() throws Exception {
        Api admin = adminApi();
        waitForHttp("/api/v1/document-templates", Duration.ofSeconds(90));
        // every kind is seeded in both languages, each the default of its kind and language
        JsonNode seeded = admin.get("/api/v1/document-templates?limit=100&" + filter("isDefault eq true")).json();
        assertEquals(seeded.toString(), 12, seeded.get("total").asInt());
        String seededQuote = admin.get("/api/v1/document-templates?" + filter("kind eq 'quote'") + "&" + filter("locale eq 'zh-CN'"))
                .json().get("items").get(0).get("id").asText();
        List<String> standard = text(preview(seededQuote));
        assertTrue(standard.toString(), standard.contains("报价单"));
        assertTrue(standard.toString(), standard.contains("合计（CNY） 29842.05"));

        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", "报价单（简洁）").put("kind", "quote").put("locale", "zh-CN")
                .put("body", "<document><p>{{#lines}}{{product}}</p></document>");
        Api.Answer broken = admin.post("/api/v1/document-templates", body.toString());
        assertEquals(broken.toString(), 400, broken.status);
        assertTrue(broken.contentType(), broken.contentType().startsWith("application/problem+json"));
        assertEquals("body", broken.json().get("errors").get(0).get("field").asText());
        assertTrue(broken.body, broken.json().get("errors").get(0).get("message").asText().contains("is not a valid template"));

        body.put("body", "<document><p>{{customer.name}}</p></document>");
        Api.Answer created = admin.post("/api/v1/document-templates", body.toString());
        assertEquals(created.toString(), 201, created.status);
        String id = created.json().get("id").asText();
        assertEquals(List.of("上海云杉贸易有限公司"), text(preview(id)));

        Api.Answer badEdit = admin.patch("/api/v1/document-templates/" + id, "{\"body\": \"<document><table><tr><td>x</td></tr></document>\"}");
        assertEquals(badEdit.toString(), 400, badEdit.status);
        assertTrue(badEdit.body, badEdit.body.contains("not well-formed"));
        Api.Answer edited = admin.patch("/api/v1/document-templates/" + id,
                JsonNodeFactory.instance.objectNode().put("body", LINES).toString());
        assertEquals(edited.toString(), 200, edited.status);
        // the sample quote's lines, exactly, with the total Amounts computed
        assertEquals(List.of("联想 ThinkPad X1 笔记本电脑 2 台 9999.00 18998.10", "华为 AX3 无线路由器 10 个 299.00 2990.00",
                "系统实施服务 3 人天 1500.00 4500.00", "合计 29842.05 CNY"), text(preview(id)));

        Api.Answer off = admin.post("/api/v1/admin/modules/printing/disable", null);
        assertEquals(off.toString(), 200, off.status);
        admin.awaitStatus("/api/v1/document-templates/" + id, 404);
        Api.Answer on = admin.post("/api/v1/admin/modules/printing/enable", null);
        assertEquals(on.toString(), 200, on.status);
        admin.awaitStatus("/api/v1/document-templates/" + id, 200);
        assertEquals(LINES, admin.get("/api/v1/document-templates/" + id).json().get("body").asText());
        assertEquals(4, text(preview(id)).size());
    }
}
