package org.atriumcrm.erp.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.integration.api.outbox.OutboxFields;

/** Metadata of the ERP module: its outbox of messages, the conflict log and the reconciliations. */
public final class ErpTypes {
    public static final String MODULE = "erp";
    static final String UNIT = "atrium.erp";
    /** The receipts' channel name (see InboundReceipts). */
    static final String CHANNEL = "erp";
    static final EntityType<ErpMessage> MESSAGE = message();
    static final EntityType<ErpConflict> CONFLICT = conflict();
    static final EntityType<ErpReconciliation> RECONCILIATION = reconciliation();
    static final EntityType<ErpDocument> DOCUMENT = document();
    static final List<EntityType<?>> ALL = List.of(MESSAGE, CONFLICT, RECONCILIATION, DOCUMENT);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private ErpTypes() {
    }

    private static PicklistValue[] kinds() {
        return new PicklistValue[] {PicklistValue.of(Canonical.CUSTOMER, "Customer", "客户"), PicklistValue.of(Canonical.SALES_ORDER, "Sales order", "销售订单"),
            PicklistValue.of(Canonical.DELIVERY_NOTE, "Delivery note", "发货单"), PicklistValue.of(Canonical.INVOICE, "Invoice", "发票"),
            PicklistValue.of(Canonical.PAYMENT, "Payment", "收款"), PicklistValue.of(Canonical.PRODUCT, "Product", "产品"),
            PicklistValue.of(Canonical.PRICE, "Price", "价格"), PicklistValue.of(Canonical.STOCK, "Stock level", "库存"),
            PicklistValue.of(Canonical.ORDER_STATUS, "Order status", "订单状态")};
    }

    private static EntityType<ErpMessage> message() {
        return EntityType.builder("ErpMessage", "erp-messages", ErpMessage.class, ErpMessage::new)
                .module(MODULE).detail()
                .label("Message to an ERP", "发往 ERP 的消息")
                .pluralLabel("Messages to ERPs", "发往 ERP 的消息")
                .administrative()
                .field(FieldDef.<ErpMessage, String>of("connectorId", FieldType.REFERENCE, ErpMessage::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ErpMessage, String>of("kind", FieldType.PICKLIST, ErpMessage::getKind, null).label("Kind", "类型").picklist(kinds()))
                .field(FieldDef.<ErpMessage, String>of("recordEntity", FieldType.STRING, ErpMessage::getRecordEntity, null).label("Record type", "记录类型"))
                .field(FieldDef.<ErpMessage, String>of("recordId", FieldType.ID, ErpMessage::getRecordId, null).label("Record", "记录"))
                .field(FieldDef.<ErpMessage, String>of("reference", FieldType.STRING, ErpMessage::getReference, null)
                        .label("Number or name", "编号或名称").searchable())
                .field(FieldDef.<ErpMessage, String>of("orderingKey", FieldType.ID, ErpMessage::getOrderingKey, null)
                        .label("Sent in order with", "顺序键"))
                .fields(OutboxFields.<ErpMessage>of("Taken by the ERP", "ERP 已接收", "Taken at", "接收时间"))
                .field(FieldDef.<ErpMessage, String>of("payload", FieldType.TEXT, ErpMessage::getPayload, null)
                        .label("Message (canonical JSON)", "消息内容（标准 JSON）").notFilterable().notSortable())
                .displayName(m -> m.getKind() + " " + m.getReference())
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<ErpConflict> conflict() {
        return EntityType.builder("ErpConflict", "erp-conflicts", ErpConflict.class, ErpConflict::new)
                .module(MODULE)
                .label("ERP sync conflict", "ERP 同步冲突")
                .pluralLabel("ERP sync conflicts", "ERP 同步冲突")
                .administrative()
                .field(FieldDef.<ErpConflict, String>of("connectorId", FieldType.REFERENCE, ErpConflict::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ErpConflict, String>of("recordEntity", FieldType.STRING, ErpConflict::getRecordEntity, null).label("Record type", "记录类型"))
                .field(FieldDef.<ErpConflict, String>of("recordId", FieldType.ID, ErpConflict::getRecordId, null).label("Record", "记录"))
                .field(FieldDef.<ErpConflict, String>of("recordKey", FieldType.STRING, ErpConflict::getRecordKey, null)
                        .label("Key (SKU…)", "键（编码等）").searchable())
                .field(FieldDef.<ErpConflict, String>of("fieldGroup", FieldType.PICKLIST, ErpConflict::getFieldGroup, null).label("Field group", "字段组")
                        .picklist(PicklistValue.of(ErpRules.PRODUCT, "Product data", "产品资料"), PicklistValue.of(ErpRules.PRICES, "Prices", "价格"),
                                PicklistValue.of(ErpRules.STOCK, "Stock", "库存")))
                .field(FieldDef.<ErpConflict, String>of("crmValue", FieldType.STRING, ErpConflict::getCrmValue, null).label("CRM value", "CRM 中的值"))
                .field(FieldDef.<ErpConflict, String>of("erpValue", FieldType.STRING, ErpConflict::getErpValue, null).label("ERP value", "ERP 中的值"))
                .field(FieldDef.<ErpConflict, String>of("winner", FieldType.PICKLIST, ErpConflict::getWinner, null).label("Value kept", "保留的一方")
                        .picklist(PicklistValue.of(ErpRules.ERP, "ERP", "ERP"), PicklistValue.of(ErpRules.CRM, "CRM", "CRM")))
                .displayName(c -> c.getRecordKey() + " " + c.getFieldGroup())
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<ErpDocument> document() {
        return EntityType.builder("ErpDocument", "erp-documents", ErpDocument.class, ErpDocument::new)
                .module(MODULE)
                .label("Order or invoice at the ERP", "ERP 中的订单或发票")
                .pluralLabel("Orders and invoices at the ERP", "ERP 中的订单与发票")
                .administrative()
                .field(FieldDef.<ErpDocument, String>of("connectorId", FieldType.REFERENCE, ErpDocument::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ErpDocument, String>of("kind", FieldType.PICKLIST, ErpDocument::getKind, null).label("Kind", "类型")
                        .picklist(PicklistValue.of(Canonical.ORDER_STATUS, "Order status", "订单状态"), PicklistValue.of(Canonical.INVOICE, "Invoice", "发票")))
                .field(FieldDef.<ErpDocument, String>of("erpNumber", FieldType.STRING, ErpDocument::getErpNumber, null)
                        .label("Number at the ERP", "ERP 单号").searchable())
                .field(FieldDef.<ErpDocument, String>of("salesOrderId", FieldType.REFERENCE, ErpDocument::getSalesOrderId, null)
                        .label("Sales order", "销售订单").referenceTo("SalesOrder"))
                .field(FieldDef.<ErpDocument, String>of("salesOrderNumber", FieldType.STRING, ErpDocument::getSalesOrderNumber, null)
                        .label("Sales order number", "销售订单号").searchable())
                .field(FieldDef.<ErpDocument, String>of("erpStatus", FieldType.STRING, ErpDocument::getErpStatus, null).label("Status at the ERP", "ERP 状态"))
                .field(FieldDef.<ErpDocument, String>of("carrier", FieldType.STRING, ErpDocument::getCarrier, null).label("Carrier", "承运商"))
                .field(FieldDef.<ErpDocument, String>of("trackingNumber", FieldType.STRING, ErpDocument::getTrackingNumber, null)
                        .label("Tracking number", "运单号").searchable())
                .field(FieldDef.<ErpDocument, String>of("currency", FieldType.STRING, ErpDocument::getCurrency, null).label("Currency", "币种"))
                .field(FieldDef.<ErpDocument, Object>of("grandTotal", FieldType.DECIMAL, ErpDocument::getGrandTotal, null).label("Total", "价税合计"))
                .field(FieldDef.<ErpDocument, Object>of("paidAmount", FieldType.DECIMAL, ErpDocument::getPaidAmount, null).label("Paid", "已收金额"))
                .field(FieldDef.<ErpDocument, String>of("issueDate", FieldType.STRING, ErpDocument::getIssueDate, null).label("Issued", "开票日期"))
                .field(FieldDef.<ErpDocument, String>of("dueDate", FieldType.STRING, ErpDocument::getDueDate, null).label("Due", "到期日"))
                .displayName(d -> d.getKind() + " " + d.getErpNumber())
                .defaultSort("modifiedAt", true)
                .build();
    }

    private static EntityType<ErpReconciliation> reconciliation() {
        return EntityType.builder("ErpReconciliation", "erp-reconciliations", ErpReconciliation.class, ErpReconciliation::new)
                .module(MODULE)
                .label("ERP reconciliation", "ERP 对账")
                .pluralLabel("ERP reconciliations", "ERP 对账")
                .administrative()
                .field(FieldDef.<ErpReconciliation, String>of("connectorId", FieldType.REFERENCE, ErpReconciliation::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ErpReconciliation, String>of("recordEntity", FieldType.PICKLIST, ErpReconciliation::getRecordEntity, null)
                        .label("Compared", "对账内容").picklist(kinds()))
                .field(FieldDef.<ErpReconciliation, String>of("status", FieldType.PICKLIST, ErpReconciliation::getStatus, null).label("Result", "结果")
                        .picklist(PicklistValue.of(ErpReconciliation.IN_STEP, "In step", "一致"), PicklistValue.of(ErpReconciliation.DRIFT, "Drift", "有差异"),
                                PicklistValue.of(ErpReconciliation.FAILED, "Failed", "失败")))
                .field(FieldDef.<ErpReconciliation, Long>of("crmCount", FieldType.INTEGER, ErpReconciliation::getCrmCount, null).label("In the CRM", "CRM 数量"))
                .field(FieldDef.<ErpReconciliation, Long>of("erpCount", FieldType.INTEGER, ErpReconciliation::getErpCount, null).label("In the ERP", "ERP 数量"))
                .field(FieldDef.<ErpReconciliation, String>of("crmChecksum", FieldType.STRING, ErpReconciliation::getCrmChecksum, null)
                        .label("CRM checksum", "CRM 校验和"))
                .field(FieldDef.<ErpReconciliation, String>of("erpChecksum", FieldType.STRING, ErpReconciliation::getErpChecksum, null)
                        .label("ERP checksum", "ERP 校验和"))
                .field(FieldDef.<ErpReconciliation, Long>of("missingInCrm", FieldType.INTEGER, ErpReconciliation::getMissingInCrm, null)
                        .label("Missing in the CRM", "CRM 缺少"))
                .field(FieldDef.<ErpReconciliation, Long>of("different", FieldType.INTEGER, ErpReconciliation::getDifferent, null)
                        .label("Different", "不一致"))
                .field(FieldDef.<ErpReconciliation, Long>of("resynced", FieldType.INTEGER, ErpReconciliation::getResynced, null)
                        .label("Put right by a re-sync", "重新同步修正"))
                .field(FieldDef.<ErpReconciliation, String>of("sample", FieldType.STRING, ErpReconciliation::getSample, null)
                        .label("First keys that differ", "部分差异键"))
                .displayName(r -> r.getRecordEntity() + " " + r.getStatus())
                .defaultSort("createdAt", true)
                .build();
    }
}
