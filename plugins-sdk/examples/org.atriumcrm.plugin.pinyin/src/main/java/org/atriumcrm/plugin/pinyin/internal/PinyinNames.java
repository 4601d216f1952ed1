package org.atriumcrm.plugin.pinyin.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin spellings of a name. A polyphonic character (行: xing/hang, 重: zhong/chong) yields every
 * reading, so 中国银行 is found by both "zgyh" and "zgyx"; the combinations are capped so that a long name of
 * polyphonic characters cannot explode. Latin letters and digits count as themselves (ABC科技 → "abckj").
 */
final class PinyinNames {
    static final int MAX_VARIANTS = 16;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Spellings of one name: each variant as full pinyin and as initials. */
    record Spelling(List<String> full, List<String> initials) {
    }

    private PinyinNames() {
    }

    static Spelling of(String name) {
        List<String> fulls = new ArrayList<>(List.of(""));
        List<String> inits = new ArrayList<>(List.of(""));
        if (name != null) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                List<String> readings = readings(c);
                if (readings.isEmpty()) {
                    continue;
                }
                List<String> nextFull = new ArrayList<>();
                List<String> nextInit = new ArrayList<>();
                for (int v = 0; v < fulls.size(); v++) {
                    for (String r : readings) {
                        if (nextFull.size() < MAX_VARIANTS) {
                            nextFull.add(fulls.get(v) + r);
                            nextInit.add(inits.get(v) + r.charAt(0));
                        }
                    }
                }
                fulls = nextFull;
                inits = nextInit;
            }
        }
        return new Spelling(distinct(fulls), distinct(inits));
    }

    private static List<String> readings(char c) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            try {
                String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (all != null && all.length > 0) {
                    Set<String> unique = new LinkedHashSet<>(List.of(all));
                    return List.copyOf(unique);
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException("the output format is fixed and valid", e);
            }
            return List.of();
        }
        if (Character.isLetterOrDigit(c) && c < 128) {
            return List.of(String.valueOf(c).toLowerCase(Locale.ROOT));
        }
        return List.of();
    }

    private static List<String> distinct(List<String> values) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(values));
        out.removeIf(String::isEmpty);
        return out;
    }
}
