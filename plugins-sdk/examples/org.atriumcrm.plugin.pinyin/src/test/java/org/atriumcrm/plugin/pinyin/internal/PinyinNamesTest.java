package org.atriumcrm.plugin.pinyin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class PinyinNamesTest {

    @Test
    public void initialsAndFullPinyinOfAChineseName() {
        PinyinNames.Spelling s = PinyinNames.of("中国银行");
        assertTrue(s.initials().toString(), s.initials().contains("zgyh"));
        assertTrue(s.full().toString(), s.full().contains("zhongguoyinhang"));
    }

    @Test
    public void polyphonicCharactersGiveEveryReading() {
        PinyinNames.Spelling s = PinyinNames.of("银行");
        assertTrue(s.initials().containsAll(List.of("yh", "yx")));
    }

    @Test
    public void latinLettersAndDigitsCountAsThemselvesAndPunctuationIsIgnored() {
        assertEquals(List.of("abc3kj"), PinyinNames.of("ABC-3 科技").initials().subList(0, 1));
        assertEquals(List.of(), PinyinNames.of("（）").initials());
        assertEquals(List.of(), PinyinNames.of(null).full());
    }

    @Test
    public void variantsAreCapped() {
        assertTrue(PinyinNames.of("行行行行行行行行行行").initials().size() <= PinyinNames.MAX_VARIANTS);
    }
}
