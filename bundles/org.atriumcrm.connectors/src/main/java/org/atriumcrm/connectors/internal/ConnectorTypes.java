package org.atriumcrm.connectors.internal;

import java.util.List;

import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;

/** Metadata of the connectors module. */
final class ConnectorTypes {
    static final String MODULE = "connectors";
    static final EntityType<Connector> CONNECTOR = connector();
    static final List<EntityType<?>> ALL = List.of(CONNECTOR);
    static final List<EntityRef> REFS = List.of(new EntityRef(CONNECTOR.name(), CONNECTOR.plural()));

    private ConnectorTypes() {
    }

    private static EntityType<Connector> connector() {
        return EntityType.builder("Connector", "connectors", Connector.class, Connector::new)
                .module(MODULE)
                .label("Connector", "连接器")
                .pluralLabel("Connectors (ERP and shops)", "连接器（ERP 与网店）")
                .administrative()
                .field(FieldDef.of("name", FieldType.STRING, Connector::getName, Connector::setName).label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("type", FieldType.STRING, Connector::getType, Connector::setType).label("Type", "类型").required().maxLength(60)
                        .pattern("[a-z0-9-]+", "a connector type's id, e.g. woocommerce"))
                .field(FieldDef.of("settings", FieldType.TEXT, Connector::getSettings, Connector::setSettings)
                        .label("Settings (a JSON object)", "设置（JSON 对象）").maxLength(8000).notFilterable().notSortable())
                .field(FieldDef.<Connector, String>of("secret", FieldType.STRING, c -> null, Connector::setSecret)
                        .label("Secret: password, API key or webhook secret (write-only)", "密钥：密码、API 密钥或 Webhook 密钥（只写）")
                        .maxLength(1000).notFilterable().notSortable())
                .field(FieldDef.<Connector, String>of("sealedSettings", FieldType.STRING, Connector::getSealedNames, null)
                        .label("Secret settings set (write-only, in settings)", "已设置的保密设置（只写，放在设置中）").notFilterable().notSortable())
                .field(FieldDef.<Connector, Boolean>of("hasSecret", FieldType.BOOLEAN, Connector::getHasSecret, null).label("Secret set", "已设置密钥"))
                .field(FieldDef.<Connector, String>of("status", FieldType.PICKLIST, Connector::getStatus, null).label("Status", "状态")
                        .picklist(PicklistValue.of(Connector.ACTIVE, "Running", "运行中"), PicklistValue.of(Connector.PAUSED, "Paused", "已暂停")))
                .field(FieldDef.<Connector, Object>of("lastTestedAt", FieldType.DATETIME, Connector::getLastTestedAt, null).label("Last tested", "最近测试"))
                .field(FieldDef.<Connector, Boolean>of("lastTestOk", FieldType.BOOLEAN, Connector::getLastTestOk, null).label("Last test passed", "最近测试通过"))
                .field(FieldDef.<Connector, String>of("lastError", FieldType.STRING, Connector::getLastError, null).label("Last error", "最近错误"))
                .displayName(Connector::getName)
                .defaultSort("name", false)
                .build();
    }
}
