package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Locale;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.Label;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

public class ProblemMessagesTest {
    private static final Locale ZH = ProblemMessages.CHINESE;
    private static final Locale EN = ProblemMessages.ENGLISH;

    @Test
    public void theUsersSettingWinsThenAcceptLanguageThenEnglish() {
        assertEquals(ZH, ProblemMessages.language("zh-CN", List.of(Locale.ENGLISH)));
        assertEquals(EN, ProblemMessages.language("en", List.of(Locale.forLanguageTag("zh-CN"))));
        assertEquals(ZH, ProblemMessages.language(null, List.of(Locale.forLanguageTag("zh"))));
        assertEquals(ZH, ProblemMessages.language(" ", List.of(Locale.FRENCH, Locale.forLanguageTag("zh-TW"), Locale.ENGLISH)));
        assertEquals(EN, ProblemMessages.language(null, List.of(Locale.forLanguageTag("en-GB"), Locale.forLanguageTag("zh-CN"))));
        assertEquals(EN, ProblemMessages.language(null, List.of(Locale.FRENCH)));
        assertEquals(EN, ProblemMessages.language(null, List.of()));
        assertEquals("zh-CN", ProblemMessages.tag(ZH));
        assertEquals("en", ProblemMessages.tag(EN));
    }

    @Test
    public void keysAreLookedUpWithTheirArgumentsAndLabelsInTheLanguage() {
        assertEquals("找不到 id 为 42 的客户", ProblemMessages.text(ZH, "detail.record-not-found", List.of(Label.of("Account", "客户"), "42")));
        assertEquals("最多 10 个字符，现在是 11 个", ProblemMessages.text(ZH, "field.too-long", List.of(10, 11)));
        assertEquals("您的权限配置不允许您导出客户", ProblemMessages.text(ZH, "detail.right-missing",
                List.of("export", Label.of("Accounts", "客户"))));
        assertNull("English is what the raising code says", ProblemMessages.text(EN, "field.required", List.of()));
        assertNull("a key without a translation", ProblemMessages.text(ZH, "field.no-such-code", List.of()));
        assertEquals("a missing argument stays visible", "最多只能有 {0} 位小数",
                ProblemMessages.text(ZH, "field.decimal-places", List.of()));
    }

    @Test
    public void aFieldErrorWithoutACodeIsInvalidUnlessItsWordsAreKnown() {
        assertEquals("picklist", ProblemMessages.code("picklist", "must be one of a, b"));
        assertEquals("required", ProblemMessages.code(null, "is required"));
        assertEquals(ProblemMessages.UNCODED, ProblemMessages.code(null, "must be after the start date"));
    }

    /** Every code the platform's codec raises has its translation: a Chinese user never meets an English field message there. */
    @Test
    public void everyCodeOfTheRecordCodecIsTranslated() throws Exception {
        String[] bodies = {"{\"name\":null}", "{\"name\":\"12345678901\"}", "{\"name\":\"x\",\"kind\":\"c\"}", "{\"name\":\"x\",\"email\":\"no\"}",
            "{\"name\":\"x\",\"website\":\"no\"}", "{\"name\":\"x\",\"phone\":\"x\"}", "{\"name\":\"x\",\"count\":1.5}",
            "{\"name\":\"x\",\"amount\":\"many\"}", "{\"name\":\"x\",\"amount\":1.123456}", "{\"name\":\"x\",\"active\":\"yes\"}",
            "{\"name\":\"x\",\"day\":\"22.11.2026\"}", "{\"name\":\"x\",\"at\":\"now\"}", "{\"name\":\"x\",\"otherId\":\"42\"}",
            "{\"name\":\"x\",\"code\":\"abc\"}", "{\"name\":\"x\",\"nope\":1}", "{\"name\":\"x\",\"id\":\"x\"}", "{\"name\":\"x\",\"day\":5}"};
        for (String body : bodies) {
            try {
                RecordJson.read(Thing.TYPE, Json.MAPPER.readTree(body), RecordJson.Mode.CREATE);
                fail("accepted " + body);
            } catch (AtriumException e) {
                for (FieldError fe : e.errors()) {
                    assertEquals(body, true, fe.code() != null
                            && ProblemMessages.text(ZH, "field." + fe.code(), fe.args()) != null);
                }
            }
        }
    }

    @Test
    public void aValidationProblemInChineseKeepsItsTypeAndCodesAndNamesTheFieldByItsLabel() {
        AtriumException e = AtriumException.validation(List.of(FieldError.of("name", "required", "is required")));
        ObjectNode zh = Problems.document(e, "/api/v1/accounts", ZH, f -> f.equals("name") ? Label.of("Account name", "客户名称") : null);
        ObjectNode en = Problems.document(e, "/api/v1/accounts", EN, f -> Label.of("Account name", "客户名称"));
        assertEquals("校验未通过", zh.get("title").asText());
        assertEquals("客户名称：不能为空", zh.get("detail").asText());
        assertEquals("不能为空", zh.at("/errors/0/message").asText());
        assertEquals("Validation failed", en.get("title").asText());
        assertEquals("name: is required", en.get("detail").asText());
        assertEquals("is required", en.at("/errors/0/message").asText());
        for (JsonNode doc : List.of(zh, en)) {
            assertEquals("https://atriumcrm.org/problems/validation-failed", doc.get("type").asText());
            assertEquals("required", doc.at("/errors/0/code").asText());
            assertEquals("name", doc.at("/errors/0/field").asText());
        }
        ObjectNode two = Problems.document(AtriumException.validation(List.of(FieldError.of("a", "required", "is required"),
                new FieldError("b", "must be after a"))), null, ZH, f -> null);
        assertEquals("2 个字段有误", two.get("detail").asText());
        assertEquals("an untranslated message falls back to English", "must be after a", two.at("/errors/1/message").asText());
        assertEquals(ProblemMessages.UNCODED, two.at("/errors/1/code").asText());
    }

    @Test
    public void aProblemWithoutATranslationKeepsItsEnglishDetailUnderAChineseTitle() {
        ObjectNode doc = Problems.document(AtriumException.conflict("credit-limit-exceeded", "the order exceeds the credit limit"),
                null, ZH, f -> null);
        assertEquals("冲突", doc.get("title").asText());
        assertEquals("the order exceeds the credit limit", doc.get("detail").asText());
        ObjectNode localized = Problems.document(AtriumException.notFound("no Account with id 7")
                .localized("record-not-found", Label.of("Account", "客户"), "7"), null, ZH, f -> null);
        assertEquals("找不到 id 为 7 的客户", localized.get("detail").asText());
        assertEquals("no Account with id 7", Problems.document(AtriumException.notFound("no Account with id 7")
                .localized("record-not-found", Label.of("Account", "客户"), "7"), null, EN, f -> null).get("detail").asText());
    }
}
