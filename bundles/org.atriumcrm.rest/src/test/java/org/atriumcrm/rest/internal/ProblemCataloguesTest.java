package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.error.ProblemTexts;
import org.junit.Test;

/**
 * Every problem text has both languages: each key a bundle raises ({@code localized("key")}, {@code FieldError.of(f,
 * "code")}) with its English at the raising call has a Chinese text in that bundle's catalogue or the platform's, and
 * a bundle's catalogue holds only keys that it raises. Reads the sources of the bundles next to this one.
 */
public class ProblemCataloguesTest {
    private static final Locale ZH = ProblemMessages.CHINESE;
    private static final Pattern DETAIL_KEY = Pattern.compile("\\.localized\\(\\s*\"([^\"]+)\"");
    private static final Pattern FIELD_CODE = Pattern.compile("(?:FieldError\\.of|AtriumException\\.invalid)\\(\\s*[^,]+?\\s*,\\s*\"([^\"]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    public void everyKeyABundleRaisesHasItsChineseText() throws IOException {
        Map<String, String> platform = catalogue(Path.of("src/main/resources/org/atriumcrm/rest/internal/problem-messages_zh-CN.properties"));
        Map<String, String> seen = new HashMap<>(platform);
        List<String> missing = new ArrayList<>();
        int bundles = 0;
        int keys = 0;
        for (Path bundle : bundles()) {
            Path own = bundle.resolve("src/main/resources").resolve(ProblemTexts.CATALOGUE);
            Map<String, String> shipped = Files.exists(own) ? catalogue(own) : Map.of();
            TreeSet<String> raised = raised(bundle.resolve("src/main/java"));
            for (String key : raised) {
                keys++;
                if (!shipped.containsKey(key) && !platform.containsKey(key)) {
                    missing.add(bundle.getFileName() + ": " + key);
                }
            }
            for (Map.Entry<String, String> text : shipped.entrySet()) {
                assertTrue(own + " translates " + text.getKey() + ", which its bundle does not raise", raised.contains(text.getKey())
                        || text.getKey().startsWith("word."));
                String other = seen.putIfAbsent(text.getKey(), text.getValue());
                assertTrue(own + ": " + text.getKey() + " is said otherwise by another catalogue", other == null || other.equals(text.getValue()));
            }
            bundles += shipped.isEmpty() ? 0 : 1;
        }
        assertEquals("keys raised without a Chinese text", List.of(), missing);
        assertTrue("the modules ship catalogues (found " + bundles + ")", bundles >= 10);
        assertTrue(keys > 100);
    }

    @Test
    public void aShippedCatalogueTranslatesItsBundlesProblemsUntilTheBundleGoes() {
        AtriumException refused = AtriumException.conflict("credit-limit-exceeded", "sales order SO-1 is not confirmed: over the limit")
                .localized("test.credit-limit-exceeded", "SO-1", "5000.00");
        ProblemCatalogues texts = new ProblemCatalogues();
        assertEquals("sales order SO-1 is not confirmed: over the limit", texts.detail(refused, ZH));
        ProblemMessages.shipped(4711, Map.of("detail.test.credit-limit-exceeded", "销售订单 {0} 未确认：超出信用额度 {1}",
                "field.required", "a plugin cannot reword the platform", "field.test.sku-taken", "SKU {0} 已被使用"));
        try {
            assertEquals("销售订单 SO-1 未确认：超出信用额度 5000.00", texts.detail(refused, ZH));
            assertEquals("sales order SO-1 is not confirmed: over the limit", texts.detail(refused, Locale.ENGLISH));
            assertEquals("不能为空", texts.message(FieldError.of("name", "required", "is required"), ZH));
            assertEquals("SKU A-1 已被使用", texts.message(FieldError.of("sku", "test.sku-taken", "A-1 is taken", "A-1"), ZH));
            assertEquals(ZH, texts.language("zh-CN"));
            assertEquals(Locale.ENGLISH, texts.language(null));
        } finally {
            ProblemMessages.shipped(4711, null);
        }
        assertNull(ProblemMessages.text(ZH, "detail.test.credit-limit-exceeded", List.of()));
    }

    @Test
    public void theChineseTextsReferOnlyToArgumentsTheirEnglishCallsCanGive() throws IOException {
        // {n} beyond 9 would be a template mistake (no call passes that many); a malformed brace shows as it is
        for (Path bundle : bundles()) {
            Path own = bundle.resolve("src/main/resources").resolve(ProblemTexts.CATALOGUE);
            if (Files.exists(own)) {
                for (Map.Entry<String, String> text : catalogue(own).entrySet()) {
                    Matcher m = ARGUMENT.matcher(text.getValue());
                    while (m.find()) {
                        assertTrue(own + ": " + text.getKey(), Integer.parseInt(m.group(1)) < 10);
                    }
                    assertTrue(own + ": " + text.getKey() + " is empty", !text.getValue().isBlank());
                }
            }
        }
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> all = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            return all.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).sorted().toList();
        }
    }

    private static TreeSet<String> raised(Path sources) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                for (Matcher m = DETAIL_KEY.matcher(code); m.find();) {
                    keys.add("detail." + m.group(1));
                }
                for (Matcher m = FIELD_CODE.matcher(code); m.find();) {
                    keys.add("field." + m.group(1));
                }
            }
        }
        return keys;
    }

    private static Map<String, String> catalogue(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ProblemMessages.read(in);
        }
    }
}
