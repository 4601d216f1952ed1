package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Locale;

/** A user-visible text in the languages Atrium ships: English and Simplified Chinese. */
@ProviderType
public record Label(String en, String zhCN) {

    public static Label of(String en, String zhCN) {
        return new Label(en, zhCN);
    }

    /** The text for a locale: zh (any region) gets Chinese, everything else English. */
    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) && zhCN != null ? zhCN : en;
    }
}
