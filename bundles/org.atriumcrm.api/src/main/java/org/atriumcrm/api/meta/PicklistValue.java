package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;

/** One allowed value of a picklist field: the stored value and its labels. */
@ProviderType
public record PicklistValue(String value, Label label) {

    public static PicklistValue of(String value, String en, String zhCN) {
        return new PicklistValue(value, Label.of(en, zhCN));
    }
}
