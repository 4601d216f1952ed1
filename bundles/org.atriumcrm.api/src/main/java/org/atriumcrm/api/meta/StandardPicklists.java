package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Picklists that several modules share, so that an account's industry, a lead's industry and a report across
 * both speak the same values (stored value, English and Simplified Chinese label).
 */
@ProviderType
public final class StandardPicklists {
    public static final PicklistValue[] SOURCES = {
        PicklistValue.of("web", "Website", "网站"),
        PicklistValue.of("trade_show", "Trade show", "展会"),
        PicklistValue.of("referral", "Referral", "客户推荐"),
        PicklistValue.of("cold_call", "Cold call", "陌生拜访"),
        PicklistValue.of("advertisement", "Advertisement", "广告"),
        PicklistValue.of("partner", "Partner", "合作伙伴"),
        PicklistValue.of("campaign", "Campaign", "市场活动"),
        PicklistValue.of("email", "Email", "邮件"),
        PicklistValue.of("other", "Other", "其他"),
    };

    public static final PicklistValue[] INDUSTRIES = {
        PicklistValue.of("agriculture", "Agriculture", "农业"),
        PicklistValue.of("manufacturing", "Manufacturing", "制造业"),
        PicklistValue.of("retail", "Retail", "零售"),
        PicklistValue.of("wholesale", "Wholesale and trading", "批发贸易"),
        PicklistValue.of("technology", "Information technology", "信息技术"),
        PicklistValue.of("telecom", "Telecommunications", "通信"),
        PicklistValue.of("finance", "Finance", "金融"),
        PicklistValue.of("education", "Education", "教育"),
        PicklistValue.of("healthcare", "Healthcare", "医疗"),
        PicklistValue.of("government", "Government", "政府"),
        PicklistValue.of("real_estate", "Real estate and construction", "房地产与建筑"),
        PicklistValue.of("logistics", "Logistics", "物流"),
        PicklistValue.of("energy", "Energy", "能源"),
        PicklistValue.of("hospitality", "Hospitality", "酒店餐饮"),
        PicklistValue.of("media", "Media", "传媒"),
        PicklistValue.of("other", "Other", "其他"),
    };

    public static final PicklistValue[] RATINGS = {
        PicklistValue.of("hot", "Hot", "热"),
        PicklistValue.of("warm", "Warm", "温"),
        PicklistValue.of("cold", "Cold", "冷"),
    };

    public static final PicklistValue[] SALUTATIONS = {
        PicklistValue.of("mr", "Mr.", "先生"),
        PicklistValue.of("ms", "Ms.", "女士"),
        PicklistValue.of("mrs", "Mrs.", "夫人"),
        PicklistValue.of("dr", "Dr.", "博士"),
        PicklistValue.of("prof", "Prof.", "教授"),
    };

    private StandardPicklists() {
    }

    /**
     * A person's full name as people write it: family name first without a space when either part is Chinese,
     * Japanese or Korean ({@code 张三}), given name first otherwise ({@code Anna Schmidt}).
     */
    public static String fullName(String familyName, String givenName) {
        String l = familyName == null ? "" : familyName.strip();
        String f = givenName == null ? "" : givenName.strip();
        if (f.isEmpty() || l.isEmpty()) {
            return l.isEmpty() ? f : l;
        }
        return hasCjk(l) || hasCjk(f) ? l + f : f + " " + l;
    }

    private static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
        });
    }
}
