package org.atriumcrm.connectors.api;

import org.atriumcrm.api.meta.Label;

/** One setting of a connector type: its key in the connector's settings, label, whether it is required, an example. */
public record ConnectorSetting(String name, Label label, boolean required, String example) {

    public static ConnectorSetting required(String name, String en, String zhCN, String example) {
        return new ConnectorSetting(name, Label.of(en, zhCN), true, example);
    }

    public static ConnectorSetting optional(String name, String en, String zhCN, String example) {
        return new ConnectorSetting(name, Label.of(en, zhCN), false, example);
    }
}
