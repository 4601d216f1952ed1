package org.atriumcrm.search.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

public class SearchIndexTest {

    private static void put(SearchIndex index, String entity, String id, String... values) throws java.io.IOException {
        Item item = new Item(id, "u1");
        index.put(entity.equals("Account") ? Item.TYPE : Item.OTHER, item, List.of(values));
    }

    @Test
    public void findsEveryRecordContainingTheTextLatinOrChinese() throws Exception {
        Path dir = Files.createTempDirectory("search-index");
        try (SearchIndex index = new SearchIndex(dir)) {
            put(index, "Account", "a1", "北京华为技术有限公司", "010-8888 1234");
            put(index, "Account", "a2", "Huawei Device (Dongguan) Co., Ltd.", "sales@huawei.com");
            put(index, "Account", "a3", "深圳市腾讯计算机系统有限公司");
            put(index, "Contact", "c1", "华为", "Zhang");
            index.commit();

            assertEquals(Optional.of(Set.of("a1")), index.candidates("Account", "华为", 10));
            assertEquals("entity types apart", Optional.of(Set.of("c1")), index.candidates("Contact", "华为", 10));
            assertEquals(Optional.of(Set.of("a1", "a3")), index.candidates("Account", "有限公司", 10));
            assertEquals("case-insensitive, mid-word", Optional.of(Set.of("a2")), index.candidates("Account", "UAWE", 10));
            assertEquals("across a space", Optional.of(Set.of("a2")), index.candidates("Account", "ice (Dong", 10));
            assertEquals("digits", Optional.of(Set.of("a1")), index.candidates("Account", "8888", 10));
            assertEquals(Optional.of(Set.of()), index.candidates("Account", "Alibaba", 10));
            assertEquals("one character: not worth an index", Optional.empty(), index.candidates("Account", "华", 10));
            assertEquals("more candidates than the limit", Optional.empty(), index.candidates("Account", "有限", 1));

            put(index, "Account", "a2", "Honor Device Co., Ltd.");
            index.remove("Account", "a3");
            index.refresh();
            assertEquals("updated in place", Optional.of(Set.of()), index.candidates("Account", "huawei", 10));
            assertEquals(Optional.of(Set.of("a1")), index.candidates("Account", "有限公司", 10));
            assertEquals(2, index.count("Account"));
        }
    }

    @Test
    public void remembersWhichEntityTypesAreCompleteAcrossARestart() throws Exception {
        Path dir = Files.createTempDirectory("search-index");
        long before = System.currentTimeMillis();
        try (SearchIndex index = new SearchIndex(dir)) {
            assertFalse(index.built("Account"));
            assertEquals(0, index.committedAt());
            put(index, "Account", "a1", "Acme");
            index.markBuilt("Account", true);
            index.commit();
        }
        try (SearchIndex index = new SearchIndex(dir)) {
            assertTrue(index.built("Account"));
            assertFalse(index.built("Lead"));
            assertTrue(index.committedAt() >= before);
            assertEquals(Optional.of(Set.of("a1")), index.candidates("Account", "acm", 10));
            index.removeAll("Account");
            index.markBuilt("Account", false);
            index.commit();
            assertEquals(0, index.count("Account"));
        }
        try (SearchIndex index = new SearchIndex(dir)) {
            assertFalse(index.built("Account"));
        }
    }

    @Test
    public void knowsWhetherItHoldsARecordAsLastModified() throws Exception {
        try (SearchIndex index = new SearchIndex(Files.createTempDirectory("search-index"))) {
            Item item = new Item("a1", "u1");
            index.put(Item.TYPE, item, List.of("Acme"));
            index.refresh();
            assertTrue(index.holds("Account", "a1", item.getModifiedAt()));
            assertFalse("modified since", index.holds("Account", "a1", item.getModifiedAt().plusMillis(1)));
            assertFalse("another type", index.holds("Contact", "a1", item.getModifiedAt()));
            assertFalse("not there", index.holds("Account", "a2", item.getModifiedAt()));
        }
    }
}
