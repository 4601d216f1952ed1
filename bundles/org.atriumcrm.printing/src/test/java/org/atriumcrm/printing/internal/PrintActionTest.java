package org.atriumcrm.printing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.junit.Test;

public class PrintActionTest {

    @Test
    public void aChineseFileNameSurvivesTheHeaderWithAnAsciiFallback() {
        assertEquals("inline; filename=\"QUO-2026-000001.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95-QUO-2026-000001.pdf",
                PrintAction.disposition("inline", "报价单-QUO-2026-000001.pdf"));
        assertEquals("attachment; filename=\"document.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf", PrintAction.disposition("attachment", "合同.pdf"));
    }

    @Test
    public void theLocaleIsOneLanguageTagOrNone() {
        assertNull(PrintAction.locale(Map.of()));
        assertEquals("zh-CN", PrintAction.locale(Map.of("locale", List.of("zh-CN"))));
        assertEquals("fr-FR", PrintAction.locale(Map.of("locale", List.of(" fr-FR "))));
        for (Map<String, List<String>> bad : List.of(Map.of("locale", List.of("zh CN;")), Map.of("locale", List.of("en", "zh-CN")),
                Map.of("locale", List.of("x".repeat(36))))) {
            try {
                PrintAction.locale(bad);
                fail("accepted " + bad);
            } catch (AtriumException e) {
                assertEquals(400, e.status());
                assertEquals("locale", e.errors().get(0).field());
            }
        }
    }

    @Test
    public void theTemplateLanguageIsChineseForAnyZhTagAndEnglishOtherwise() {
        assertEquals("zh-CN", RecordPrinting.language("zh-CN"));
        assertEquals("zh-CN", RecordPrinting.language("zh-Hans"));
        assertEquals("en", RecordPrinting.language("fr-FR"));
        assertEquals("en", RecordPrinting.language(null));
    }
}
