package org.atriumcrm.printing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.commerce.api.DocumentKind;

/** The printing module's entity type: document templates (administrators). */
final class PrintingTypes {
    static final String MODULE = "printing";
    static final String ZH = "zh-CN";
    static final String EN = "en";

    static final EntityType<DocumentTemplate> TEMPLATE = template();
    static final List<EntityType<?>> ALL = List.of(TEMPLATE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private PrintingTypes() {
    }

    /** The picklist value of a kind: {@code SALES_ORDER} → {@code sales_order}. */
    static String value(DocumentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static DocumentKind kind(String value) {
        return DocumentKind.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static EntityType<DocumentTemplate> template() {
        PicklistValue[] kinds = Arrays.stream(DocumentKind.values())
                .map(k -> PicklistValue.of(value(k), k.title(EN), k.title(ZH))).toArray(PicklistValue[]::new);
        return EntityType.builder("DocumentTemplate", "document-templates", DocumentTemplate.class, DocumentTemplate::new)
                .module(MODULE)
                .label("Document template", "打印模板")
                .pluralLabel("Document templates", "打印模板")
                .administrative()
                .field(FieldDef.of("name", FieldType.STRING, DocumentTemplate::getName, DocumentTemplate::setName)
                        .label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("kind", FieldType.PICKLIST, DocumentTemplate::getKind, DocumentTemplate::setKind)
                        .label("Document", "单据类型").required().picklist(kinds))
                .field(FieldDef.of("locale", FieldType.PICKLIST, DocumentTemplate::getLocale, DocumentTemplate::setLocale)
                        .label("Language", "语言").required()
                        .picklist(PicklistValue.of(ZH, "Chinese (Simplified)", "简体中文"), PicklistValue.of(EN, "English", "英文")))
                .field(FieldDef.of("active", FieldType.BOOLEAN, DocumentTemplate::getActive, DocumentTemplate::setActive)
                        .label("Active", "启用"))
                .field(FieldDef.of("isDefault", FieldType.BOOLEAN, DocumentTemplate::getIsDefault, DocumentTemplate::setIsDefault)
                        .label("Default for its document and language", "该单据与语言的默认模板"))
                .field(FieldDef.of("body", FieldType.TEXT, DocumentTemplate::getBody, DocumentTemplate::setBody)
                        .label("Template (Mustache producing the layout markup)", "模板内容（Mustache 生成版式标记）")
                        .required().maxLength(32000).notFilterable().notSortable())
                .displayName(DocumentTemplate::getName)
                .defaultSort("name", false)
                .build();
    }
}
