package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bulk data against the real distribution: CSV in GBK and UTF-8 with BOM and an Excel workbook are uploaded,
 * mapped and imported as jobs with duplicate handling (re-importing creates nothing), reference columns by name,
 * picklist labels, per-row error report, assignment rules for leads, permissions and field-level security,
 * cancellation; exports as CSV and Excel stream the same rows; mass update, transfer and delete run as jobs.
 */
public class BulkDataIT extends AtriumTestSupport {
    private static final String PASSWORD = "Bulk-Pass-2026x";

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String upload(Api api, String entity, String fileName, byte[] bytes, String contentType, String encoding) {
        Api.Answer a = api.postBytes("/api/v1/imports?entity=" + entity + "&fileName=" + enc(fileName)
                + (encoding == null ? "" : "&encoding=" + encoding), bytes, contentType);
        assertEquals(a.toString(), 201, a.status);
        return a.json().get("id").asText();
    }

    private static JsonNode runJob(Api api, String path, String body) throws InterruptedException {
        Api.Answer started = api.post(path, body);
        assertEquals(started.toString(), 202, started.status);
        assertTrue(started.header("Location"), started.header("Location").endsWith("/api/v1/jobs/" + started.json().get("id").asText()));
        return awaitJob(api, started.json().get("id").asText());
    }

    static JsonNode awaitJob(Api api, String id) throws InterruptedException {
        return awaitJson(api, "/api/v1/jobs/" + id, j -> List.of("completed", "failed", "cancelled").contains(j.get("status").asText()),
                Duration.ofSeconds(120));
    }

    private static long total(Api api, String path) {
        return ok(api.get(path + (path.contains("?") ? "&" : "?") + "total=exact")).get("total").asLong();
    }

    private static byte[] bytes(String path, String user, String password) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), 200, r.statusCode());
        return r.body();
    }

    @Test
    public void importMapDeduplicateReportAndAssign() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/jobs", Duration.ofSeconds(60));
        String tag = "bk" + UUID.randomUUID().toString().substring(0, 8);
        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"华为技术 " + tag + "\"}"));

        // 1. GBK CSV (as Chinese Excel saves it): detected, columns suggested from the Chinese labels
        String csv = "姓,名,邮箱,手机,所属客户,线索来源\n"
                + "张,三," + tag + ".zhang@example.cn,+86 139 0000 1234,华为技术 " + tag + ",展会\n"
                + "李,四," + tag + ".li@example.cn,13900005678,,Referral\n"
                + "王,五,not-an-email,,,\n"
                + "张,三丰, " + tag.toUpperCase() + ".ZHANG@example.cn ,,,\n"
                + "赵,六," + tag + ".zhao@example.cn,,没有这个客户 " + tag + ",\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        Api.Answer preview = admin.postBytes("/api/v1/imports?entity=contacts&fileName=" + enc("联系人.csv"), gbk, "text/csv");
        assertEquals(preview.toString(), 201, preview.status);
        assertEquals("GB18030", preview.json().get("encoding").asText());
        assertEquals(5, preview.json().get("rows").asInt());
        assertEquals("张", preview.json().get("sample").get(0).get(0).asText());
        assertEquals("lastName", preview.json().get("suggestedColumns").get("姓").asText());
        assertEquals("email", preview.json().get("suggestedColumns").get("邮箱").asText());
        String fileId = preview.json().get("id").asText();

        String mapping = "\"columns\":{\"姓\":\"lastName\",\"名\":\"firstName\",\"邮箱\":\"email\",\"手机\":\"mobile\",\"所属客户\":\"accountId\","
                + "\"线索来源\":\"leadSource\"},\"defaults\":{\"department\":\"导入 " + tag + "\"},"
                + "\"duplicates\":{\"action\":\"skip\",\"matchOn\":[\"email\"]}";
        JsonNode job = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"contacts\"," + mapping
                + ",\"saveMappingAs\":\"CRM export " + tag + "\"}");
        assertEquals(job.toString(), "completed", job.get("status").asText());
        assertEquals(job.toString(), 5, job.get("processed").asInt());
        assertEquals(job.toString(), 2, job.get("created").asInt());
        assertEquals(job.toString(), 1, job.get("skipped").asInt()); // row 5 repeats row 2's email in another case
        assertEquals(job.toString(), 2, job.get("failed").asInt());
        assertEquals(100.0, job.get("percent").asDouble(), 0.001);
        String report = admin.get("/api/v1/jobs/" + job.get("id").asText() + "/errors").body;
        assertTrue(report, report.startsWith("\uFEFFrow,recordId,field,reason,value"));
        assertTrue(report, report.contains("\n4,,email,"));
        assertTrue(report, report.contains("\n6,,accountId,") && report.contains("没有这个客户 " + tag));
        JsonNode zhang = ok(admin.get("/api/v1/contacts?filter=" + enc("email eq '" + tag + ".zhang@example.cn'"))).get("items").get(0);
        assertEquals("张三", zhang.get("fullName").asText());
        assertEquals(account, zhang.get("accountId").asText());
        assertEquals("trade_show", zhang.get("leadSource").asText()); // the label 展会 became the value
        assertEquals("导入 " + tag, zhang.get("department").asText());
        assertEquals(2, total(admin, "/api/v1/contacts?q=" + tag));

        // 2. the same file again: nothing new; started by a user whose language is zh-CN, its report reads in Chinese
        JsonNode again;
        ok(admin.patch("/api/v1/me", "{\"language\":\"zh-CN\"}"));
        try {
            again = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"contacts\"," + mapping + "}");
        } finally {
            ok(admin.patch("/api/v1/me", "{\"language\":\"en\"}"));
        }
        assertEquals(again.toString(), 0, again.get("created").asInt());
        assertEquals(again.toString(), 3, again.get("skipped").asInt());
        String chinese = admin.get("/api/v1/jobs/" + again.get("id").asText() + "/errors").body;
        assertTrue(chinese, chinese.contains("\n4,,email,不是有效的电子邮件地址,"));
        assertTrue(chinese, chinese.contains("\n6,,accountId,没有您可见的名为“没有这个客户 " + tag + "”的客户,"));
        assertEquals(2, total(admin, "/api/v1/contacts?q=" + tag));

        // 3. UTF-8 with BOM, the saved mapping, "update": the matched contact changes, a new one is created
        String mappingId = null;
        for (JsonNode m : ok(admin.get("/api/v1/import-mappings?entity=contacts")).get("items")) {
            if (m.get("name").asText().equals("CRM export " + tag)) {
                mappingId = m.get("id").asText();
            }
        }
        assertTrue("the mapping was saved", mappingId != null);
        byte[] bom = ("\uFEFF姓,名,邮箱,手机,所属客户,线索来源\n张,三," + tag + ".zhang@example.cn,13911112222,,\n"
                + "周,七," + tag + ".zhou@example.cn,,,web\n").getBytes(StandardCharsets.UTF_8);
        String bomFile = upload(admin, "contacts", "utf8.csv", bom, "text/csv", null);
        JsonNode update = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + bomFile + "\",\"entity\":\"contacts\",\"mappingId\":\""
                + mappingId + "\",\"duplicates\":{\"action\":\"update\",\"matchOn\":[\"email\"]}}");
        assertEquals(update.toString(), 1, update.get("updated").asInt());
        assertEquals(update.toString(), 1, update.get("created").asInt());
        assertEquals("13911112222", ok(admin.get("/api/v1/contacts/" + zhang.get("id").asText())).get("mobile").asText());
        assertEquals(3, total(admin, "/api/v1/contacts?q=" + tag));

        // 4. an Excel workbook into accounts, picklist values mapped from the file's own words
        byte[] xlsx = workbook(List.of(List.of("客户名称", "行业", "年收入"), List.of("上海贸易 " + tag, "商贸", "1,200,000"),
                List.of("北京科技 " + tag, "IT", "35000.50"), List.of("华为技术 " + tag, "IT", "1")));
        String xlsxFile = upload(admin, "accounts", "客户.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null);
        JsonNode accounts = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + xlsxFile + "\",\"entity\":\"accounts\",\"columns\":"
                + "{\"客户名称\":\"name\",\"行业\":\"industry\",\"年收入\":\"annualRevenue\"},\"values\":{\"industry\":{\"商贸\":\"wholesale\","
                + "\"it\":\"technology\"}},\"duplicates\":{\"action\":\"skip\"}}");
        assertEquals(accounts.toString(), 2, accounts.get("created").asInt());
        assertEquals(accounts.toString(), 1, accounts.get("skipped").asInt()); // the account's own duplicate rule: name
        JsonNode beijing = ok(admin.get("/api/v1/accounts?filter=" + enc("name eq '北京科技 " + tag + "'"))).get("items").get(0);
        assertEquals("technology", beijing.get("industry").asText());
        assertEquals(35000.5, beijing.get("annualRevenue").asDouble(), 0.001);

        // 5. leads get their owners from the assignment rules
        String rep1 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"bulk.rep1." + tag + "\",\"password\":\"" + PASSWORD + "\"}"));
        String rep2 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"bulk.rep2." + tag + "\",\"password\":\"" + PASSWORD + "\"}"));
        id(admin.post("/api/v1/lead-assignment-rules", "{\"name\":\"Shows " + tag + "\",\"priority\":1,\"matchSource\":\"trade_show\","
                + "\"strategy\":\"round_robin\",\"assigneeIds\":\"" + rep1 + "," + rep2 + "\"}"));
        StringBuilder leads = new StringBuilder("company,lastName,source\n");
        for (int i = 0; i < 4; i++) {
            leads.append("展商").append(i).append(' ').append(tag).append(",刘,trade_show\n");
        }
        String leadFile = upload(admin, "leads", "leads.csv", leads.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "UTF-8");
        JsonNode leadJob = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + leadFile + "\",\"entity\":\"leads\"}");
        assertEquals(leadJob.toString(), 4, leadJob.get("created").asInt());
        Set<String> owners = new HashSet<>();
        for (JsonNode l : ok(admin.get("/api/v1/leads?q=" + tag)).get("items")) {
            owners.add(l.get("ownerId").asText());
        }
        assertEquals(Set.of(rep1, rep2), owners);

        // 6. bad requests: precise 4xx, nothing queued
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":"), 400, null);
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"contacts\",\"colums\":{}}"), 400, "colums");
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"contacts\",\"columns\":{\"Nope\":\"email\"}}"),
                400, "Nope");
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"contacts\",\"columns\":{\"姓\":\"createdAt\"}}"),
                400, "createdAt");
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"contacts\",\"columns\":{\"姓\":\"lastName\"},"
                + "\"duplicates\":{\"action\":\"merge\"}}"), 400, "skip, update or create");
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":\"01a00000-0000-7000-8000-000000000000\",\"entity\":\"contacts\"}"), 404, null);
        assertProblem(admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"opportunity-stage-changes\"}"), 400, "entity");
        assertProblem(admin.postBytes("/api/v1/imports?entity=contacts", new byte[0], "text/csv"), 400, "empty");
        assertProblem(admin.postBytes("/api/v1/imports?entity=contacts&encoding=KLINGON", gbk, "text/csv"), 400, "encoding");
        assertProblem(admin.post("/api/v1/jobs/" + job.get("id").asText() + "/cancel", ""), 409, "completed");

        // 7. permissions: a user without the import right, and field-level security on the mapping
        String noImport = id(admin.post("/api/v1/admin/profiles", "{\"name\":\"No import " + tag + "\",\"rights\":{\"*\":[\"view\",\"create\",\"edit\"]}}"));
        String importer = id(admin.post("/api/v1/admin/profiles", "{\"name\":\"Importer " + tag + "\",\"rights\":{\"*\":[\"view\",\"create\","
                + "\"edit\",\"delete\",\"import\",\"export\"]},\"fields\":{\"Contact\":{\"mobile\":\"hidden\"}}}"));
        admin.post("/api/v1/admin/users", "{\"loginName\":\"bulk.plain." + tag + "\",\"password\":\"" + PASSWORD + "\",\"profileIds\":[\"" + noImport + "\"]}");
        String importerId = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"bulk.importer." + tag + "\",\"password\":\"" + PASSWORD
                + "\",\"profileIds\":[\"" + importer + "\"]}"));
        Api plain = new Api(baseUrl()).basic("bulk.plain." + tag, PASSWORD);
        Api imp = new Api(baseUrl()).basic("bulk.importer." + tag, PASSWORD);
        assertProblem(plain.postBytes("/api/v1/imports?entity=contacts", bom, "text/csv"), 403, "import");
        String own = upload(imp, "contacts", "mine.csv", gbk, "text/csv", "GBK");
        assertProblem(imp.get("/api/v1/imports/" + fileId), 404, null); // someone else's upload
        assertProblem(imp.post("/api/v1/jobs/import", "{\"fileId\":\"" + own + "\",\"entity\":\"contacts\"," + mapping + "}"), 400, "hidden");
        assertProblem(imp.get("/api/v1/jobs/" + job.get("id").asText()), 404, null); // someone else's job
        JsonNode mine = runJob(imp, "/api/v1/jobs/import", "{\"fileId\":\"" + own + "\",\"entity\":\"contacts\",\"columns\":{\"姓\":\"lastName\","
                + "\"名\":\"firstName\",\"邮箱\":\"email\"},\"duplicates\":{\"action\":\"skip\",\"matchOn\":[\"email\"]}}");
        // the importer sees none of the admin's contacts, so to them nothing is a duplicate (no existence oracle)
        assertEquals(mine.toString(), 3, mine.get("created").asInt()); // zhang, li, zhao; the bad email fails, ZHANG is row 2 again
        assertEquals(3, total(imp, "/api/v1/contacts?q=" + tag));
        for (JsonNode c : ok(imp.get("/api/v1/contacts?q=" + tag)).get("items")) {
            assertEquals(importerId, c.get("ownerId").asText());
        }

        // 8. cancellation: a large file stops after the batch that runs, what was committed stays
        StringBuilder big = new StringBuilder("lastName,firstName,email\n");
        for (int i = 0; i < 30_000; i++) {
            big.append("批量").append(",").append(i).append(",bulk").append(i).append('.').append(tag).append("@example.cn\n");
        }
        String bigFile = upload(admin, "contacts", "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), "text/csv", null);
        Api.Answer started = admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + bigFile + "\",\"entity\":\"contacts\","
                + "\"duplicates\":{\"action\":\"skip\",\"matchOn\":[\"email\"]}}");
        assertEquals(started.toString(), 202, started.status);
        String bigJob = started.json().get("id").asText();
        JsonNode progress = awaitJson(admin, "/api/v1/jobs/" + bigJob, j -> j.get("processed").asInt() > 0, Duration.ofSeconds(60));
        assertEquals(progress.toString(), 30_000, progress.get("total").asInt());
        assertTrue(progress.toString(), progress.get("rowsPerSecond").asDouble() > 0);
        assertTrue(progress.toString(), progress.get("etaSeconds").asLong() >= 0);
        JsonNode cancelling = ok(admin.post("/api/v1/jobs/" + bigJob + "/cancel", ""));
        assertTrue(cancelling.toString(), List.of("cancelling", "cancelled").contains(cancelling.get("status").asText()));
        JsonNode cancelled = awaitJob(admin, bigJob);
        assertEquals(cancelled.toString(), "cancelled", cancelled.get("status").asText());
        long created = cancelled.get("created").asLong();
        assertTrue(cancelled.toString(), created > 0 && created < 30_000 && created % 500 == 0); // whole batches only
        assertEquals(created, total(admin, "/api/v1/contacts?q=" + enc("." + tag + "@")));

        // 9. export: CSV and Excel stream the same rows of the same query
        // the admin's zhang, li, zhou, the importer's zhang, li, zhao, and the committed batches; plus the header
        String query = "q=" + enc(tag) + "&sort=email";
        String exported = admin.get("/api/v1/contacts/export?" + query).body;
        assertEquals(created + 7, exported.lines().count());
        byte[] book = bytes("/api/v1/contacts/export?format=xlsx&" + query, ADMIN_USER, adminPassword());
        String sheet = sheetXml(book);
        assertEquals(created + 7, countRows(sheet));
        assertTrue(sheet.contains(">张<") && sheet.contains(">批量<") && sheet.contains(tag + ".zhou@example.cn"));

        // re-importing the exported workbook into contacts creates nothing new
        String roundTrip = upload(admin, "contacts", "export.xlsx", book, "application/octet-stream", null);
        JsonNode round = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + roundTrip + "\",\"entity\":\"contacts\","
                + "\"columns\":{\"lastName\":\"lastName\",\"firstName\":\"firstName\",\"email\":\"email\"},"
                + "\"duplicates\":{\"action\":\"skip\",\"matchOn\":[\"email\"]}}");
        assertEquals(round.toString(), 0, round.get("created").asInt());
        assertEquals(round.toString(), created + 6, round.get("skipped").asInt());

        // 10. mass update, transfer and delete, as jobs over a list query
        String batchQuery = "\"q\":\"." + tag + "@\",\"filter\":[\"lastName eq '批量'\"]";
        JsonNode massUpdate = runJob(admin, "/api/v1/jobs/mass-update", "{\"entity\":\"contacts\"," + batchQuery
                + ",\"values\":{\"department\":\"已清洗\"}}");
        assertEquals(massUpdate.toString(), created, massUpdate.get("updated").asLong());
        assertEquals(created, total(admin, "/api/v1/contacts?q=" + enc("." + tag + "@") + "&filter=" + enc("department eq '已清洗'")));
        JsonNode transfer = runJob(admin, "/api/v1/jobs/mass-transfer", "{\"entity\":\"contacts\"," + batchQuery + ",\"ownerId\":\"" + rep1 + "\"}");
        assertEquals(transfer.toString(), created, transfer.get("updated").asLong());
        assertEquals(created, total(admin, "/api/v1/contacts?q=" + enc("." + tag + "@") + "&filter=" + enc("ownerId eq '" + rep1 + "'")));
        assertProblem(admin.post("/api/v1/jobs/mass-update", "{\"entity\":\"contacts\",\"values\":{\"createdBy\":\"x\"}}"), 403, "createdBy");
        assertProblem(admin.post("/api/v1/jobs/mass-update", "{\"entity\":\"contacts\",\"values\":{\"birthday\":\"soon\"}}"), 400, "birthday");
        assertProblem(admin.post("/api/v1/jobs/mass-update", "{\"entity\":\"contacts\",\"filter\":[\"shoeSize eq 3\"],\"values\":{\"title\":\"x\"}}"),
                400, "shoeSize");
        assertProblem(plain.post("/api/v1/jobs/mass-delete", "{\"entity\":\"contacts\"}"), 403, "delete");
        JsonNode delete = runJob(admin, "/api/v1/jobs/mass-delete", "{\"entity\":\"contacts\"," + batchQuery + "}");
        assertEquals(delete.toString(), created, delete.get("deleted").asLong());
        assertEquals(0, total(admin, "/api/v1/contacts?q=" + enc("." + tag + "@") + "&filter=" + enc("lastName eq '批量'")));
        assertTrue(total(admin, "/api/v1/recycle-bin?entity=Contact&limit=1") >= created);
        JsonNode list = ok(admin.get("/api/v1/jobs?limit=20"));
        assertTrue(list.toString(), list.get("items").size() >= 10);
        assertTrue(admin.get("/api/openapi.json").body.contains("/v1/jobs/mass-transfer"));
    }

    /**
     * The value mapping sees the whole file, not the sample: a GBK CSV whose one unknown industry (a Chinese word that
     * is no picklist value or label) appears only after the five sample rows is listed with its count and no suggestion,
     * the known ones with theirs (label in Chinese or English, any case); mapped to a key, it lands as that key. The
     * same for an .xlsx column.
     */
    @Test
    public void valueMappingCoversEveryValueOfTheFile() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/jobs", Duration.ofSeconds(60));
        String tag = "vm" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("客户名称,行业,客户等级\n");
        String[] industries = {"信息技术", "零售", "Retail", "信息技术", "technology", "信息技术", "餐饮外卖"};
        for (int i = 0; i < industries.length; i++) {
            csv.append("值映射").append(i).append(' ').append(tag).append(',').append(industries[i]).append(i == 2 ? ",\n" : ",热\n");
        }
        Api.Answer preview = admin.postBytes("/api/v1/imports?entity=accounts&fileName=" + enc("客户.csv"),
                csv.toString().getBytes(Charset.forName("GBK")), "text/csv");
        assertEquals(preview.toString(), 201, preview.status);
        assertEquals("GB18030", preview.json().get("encoding").asText());
        String fileId = preview.json().get("id").asText();
        assertFalse("the sample stops before the unknown value", preview.json().get("sample").toString().contains("餐饮外卖"));

        JsonNode values = ok(admin.get("/api/v1/imports/" + fileId + "/values?column=" + enc("行业") + "&entity=accounts&field=industry"));
        assertEquals(values.toString(), 7, values.get("rows").asInt());
        assertFalse(values.get("truncated").asBoolean());
        Map<String, JsonNode> byValue = new java.util.LinkedHashMap<>();
        values.get("values").forEach(v -> byValue.put(v.get("value").asText(), v));
        assertEquals(values.toString(), List.of("信息技术", "零售", "Retail", "technology", "餐饮外卖"), List.copyOf(byValue.keySet()));
        assertEquals(3, byValue.get("信息技术").get("count").asInt());
        assertEquals("technology", byValue.get("信息技术").get("suggested").asText());
        assertEquals("retail", byValue.get("Retail").get("suggested").asText());
        assertEquals("technology", byValue.get("technology").get("suggested").asText());
        assertEquals(1, byValue.get("餐饮外卖").get("count").asInt());
        assertTrue("no suggestion for an unknown value: " + values, byValue.get("餐饮外卖").get("suggested").isNull());
        JsonNode ratings = ok(admin.get("/api/v1/imports/" + fileId + "/values?column=" + enc("客户等级")));
        assertEquals(ratings.toString(), 1, ratings.get("blank").asInt());
        assertFalse("no field, no suggestion", ratings.get("values").get(0).has("suggested"));
        assertProblem(admin.get("/api/v1/imports/" + fileId + "/values?column=nope"), 400, "column");
        assertProblem(admin.get("/api/v1/imports/" + fileId + "/values"), 400, "column");
        assertProblem(admin.get("/api/v1/imports/" + fileId + "/values?column=" + enc("行业") + "&entity=accounts&field=name"), 400, "picklist");
        assertProblem(admin.get("/api/v1/imports/" + UUID.randomUUID() + "/values?column=x"), 404, null);

        JsonNode job = runJob(admin, "/api/v1/jobs/import", "{\"fileId\":\"" + fileId + "\",\"entity\":\"accounts\",\"columns\":"
                + "{\"客户名称\":\"name\",\"行业\":\"industry\",\"客户等级\":\"rating\"},\"values\":{\"industry\":{\"餐饮外卖\":\"hospitality\"}}}");
        assertEquals(job.toString(), 7, job.get("created").asInt());
        assertEquals(job.toString(), 0, job.get("failed").asInt());
        JsonNode last = ok(admin.get("/api/v1/accounts?filter=" + enc("name eq '值映射6 " + tag + "'"))).get("items").get(0);
        assertEquals("the value after the sample rows was mapped", "hospitality", last.get("industry").asText());
        JsonNode third = ok(admin.get("/api/v1/accounts?filter=" + enc("name eq '值映射2 " + tag + "'"))).get("items").get(0);
        assertEquals("retail", third.get("industry").asText());

        // an .xlsx column alike
        byte[] xlsx = workbook(List.of(List.of("客户名称", "行业"), List.of("甲 " + tag, "金融"), List.of("乙 " + tag, "金融"),
                List.of("丙 " + tag, "保险")));
        String xlsxFile = upload(admin, "accounts", "客户.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null);
        JsonNode fromXlsx = ok(admin.get("/api/v1/imports/" + xlsxFile + "/values?column=" + enc("行业") + "&entity=Account&field=industry"));
        assertEquals(fromXlsx.toString(), 2, fromXlsx.get("values").get(0).get("count").asInt());
        assertEquals("finance", fromXlsx.get("values").get(0).get("suggested").asText());
        assertTrue(fromXlsx.get("values").get(1).get("suggested").isNull());
        assertTrue(admin.get("/api/openapi.json").body.contains("/v1/imports/{id}/values"));
    }

    /** A minimal .xlsx with inline strings (what any spreadsheet program writes is richer; this is the part we read). */
    static byte[] workbook(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"客户\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (int r = 0; r < rows.size(); r++) {
                sheet.append("<row r=\"").append(r + 1).append("\">");
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"inlineStr\"><is><t>")
                            .append(rows.get(r).get(c)).append("</t></is></c>");
                }
                sheet.append("</row>");
            }
            put(zip, "xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString());
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The first worksheet's XML, read through the ZIP central directory (the streaming writer puts sizes there). */
    static String sheetXml(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                if (sheet == null) {
                    throw new AssertionError("no first worksheet in the export");
                }
                String xml = new String(zip.getInputStream(sheet).readAllBytes(), StandardCharsets.UTF_8);
                // the writer escapes everything outside ASCII as a character reference
                return Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                        .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    static long countRows(String sheetXml) {
        Matcher m = Pattern.compile("<row ").matcher(sheetXml);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
