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

    /** Customer tiers that price books are chosen by. @since 1.4 */
    public static final PicklistValue[] CUSTOMER_TIERS = {
        PicklistValue.of("vip", "VIP", "VIP 客户"),
        PicklistValue.of("a", "Tier A", "A 类客户"),
        PicklistValue.of("b", "Tier B", "B 类客户"),
        PicklistValue.of("c", "Tier C", "C 类客户"),
    };

    /** Sales channels that price books are chosen by. @since 1.4 */
    public static final PicklistValue[] SALES_CHANNELS = {
        PicklistValue.of("dealer", "Dealer", "经销商"),
        PicklistValue.of("retail", "Retail", "零售"),
        PicklistValue.of("online", "Online", "电商"),
        PicklistValue.of("direct", "Direct sales", "直销"),
    };

    /**
     * Province-level divisions by their Chinese names, the key being the name itself as address fields hold it
     * (e.g. an account's {@code billingProvince} 浙江), so that a region picked here compares with addresses. @since 1.4
     */
    public static final PicklistValue[] PROVINCES = {
        PicklistValue.of("北京", "Beijing", "北京"),
        PicklistValue.of("天津", "Tianjin", "天津"),
        PicklistValue.of("河北", "Hebei", "河北"),
        PicklistValue.of("山西", "Shanxi", "山西"),
        PicklistValue.of("内蒙古", "Inner Mongolia", "内蒙古"),
        PicklistValue.of("辽宁", "Liaoning", "辽宁"),
        PicklistValue.of("吉林", "Jilin", "吉林"),
        PicklistValue.of("黑龙江", "Heilongjiang", "黑龙江"),
        PicklistValue.of("上海", "Shanghai", "上海"),
        PicklistValue.of("江苏", "Jiangsu", "江苏"),
        PicklistValue.of("浙江", "Zhejiang", "浙江"),
        PicklistValue.of("安徽", "Anhui", "安徽"),
        PicklistValue.of("福建", "Fujian", "福建"),
        PicklistValue.of("江西", "Jiangxi", "江西"),
        PicklistValue.of("山东", "Shandong", "山东"),
        PicklistValue.of("河南", "Henan", "河南"),
        PicklistValue.of("湖北", "Hubei", "湖北"),
        PicklistValue.of("湖南", "Hunan", "湖南"),
        PicklistValue.of("广东", "Guangdong", "广东"),
        PicklistValue.of("广西", "Guangxi", "广西"),
        PicklistValue.of("海南", "Hainan", "海南"),
        PicklistValue.of("重庆", "Chongqing", "重庆"),
        PicklistValue.of("四川", "Sichuan", "四川"),
        PicklistValue.of("贵州", "Guizhou", "贵州"),
        PicklistValue.of("云南", "Yunnan", "云南"),
        PicklistValue.of("西藏", "Tibet", "西藏"),
        PicklistValue.of("陕西", "Shaanxi", "陕西"),
        PicklistValue.of("甘肃", "Gansu", "甘肃"),
        PicklistValue.of("青海", "Qinghai", "青海"),
        PicklistValue.of("宁夏", "Ningxia", "宁夏"),
        PicklistValue.of("新疆", "Xinjiang", "新疆"),
        PicklistValue.of("香港", "Hong Kong", "香港"),
        PicklistValue.of("澳门", "Macau", "澳门"),
        PicklistValue.of("台湾", "Taiwan", "台湾"),
    };
}
