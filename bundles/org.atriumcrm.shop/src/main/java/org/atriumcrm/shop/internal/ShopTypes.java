package org.atriumcrm.shop.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.integration.api.outbox.OutboxFields;

/** Metadata of the shop module: the deliveries its webhooks took in, the pushes of stock and prices it sends. */
final class ShopTypes {
    static final String MODULE = "shop";
    static final String UNIT = "atrium.shop";
    /** The receipts' channel name (see InboundReceipts). */
    static final String CHANNEL = "shop";
    static final EntityType<ShopDelivery> DELIVERY = delivery();
    static final EntityType<ShopPush> PUSH = push();
    static final EntityType<ShopFulfilment> FULFILMENT = fulfilment();
    static final List<EntityType<?>> ALL = List.of(DELIVERY, PUSH, FULFILMENT);
    static final List<EntityRef> REFS = List.of(new EntityRef(DELIVERY.name(), DELIVERY.plural()), new EntityRef(PUSH.name(), PUSH.plural()),
            new EntityRef(FULFILMENT.name(), FULFILMENT.plural()));

    private ShopTypes() {
    }

    private static EntityType<ShopPush> push() {
        return EntityType.builder("ShopPush", "shop-pushes", ShopPush.class, ShopPush::new)
                .module(MODULE).detail()
                .label("Shop push", "网店同步推送")
                .pluralLabel("Shop pushes (stock and prices)", "网店同步推送（库存与价格）")
                .administrative()
                .field(FieldDef.<ShopPush, String>of("connectorId", FieldType.REFERENCE, ShopPush::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ShopPush, String>of("productId", FieldType.REFERENCE, ShopPush::getProductId, null)
                        .label("Product", "产品").referenceTo("Product"))
                .fields(OutboxFields.<ShopPush>of("Sent to the shop", "已推送", "Sent at", "推送时间"))
                .displayName(ShopPush::getProductId)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<ShopFulfilment> fulfilment() {
        return EntityType.builder("ShopFulfilment", "shop-fulfilments", ShopFulfilment.class, ShopFulfilment::new)
                .module(MODULE).detail()
                .label("Shipment report to a shop", "网店发货回传")
                .pluralLabel("Shipment reports to shops", "网店发货回传")
                .administrative()
                .field(FieldDef.<ShopFulfilment, String>of("connectorId", FieldType.REFERENCE, ShopFulfilment::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ShopFulfilment, String>of("salesOrderId", FieldType.REFERENCE, ShopFulfilment::getSalesOrderId, null)
                        .label("Sales order", "销售订单").referenceTo("SalesOrder"))
                .field(FieldDef.<ShopFulfilment, String>of("externalOrderId", FieldType.STRING, ShopFulfilment::getExternalOrderId, null)
                        .label("Order id at the shop", "网店订单编号"))
                .field(FieldDef.<ShopFulfilment, String>of("deliveryNoteId", FieldType.REFERENCE, ShopFulfilment::getDeliveryNoteId, null)
                        .label("Delivery note", "发货单").referenceTo("DeliveryNote"))
                .field(FieldDef.<ShopFulfilment, String>of("carrier", FieldType.STRING, ShopFulfilment::getCarrier, null).label("Carrier", "承运商"))
                .field(FieldDef.<ShopFulfilment, String>of("trackingNumber", FieldType.STRING, ShopFulfilment::getTrackingNumber, null)
                        .label("Tracking number", "运单号"))
                .fields(OutboxFields.<ShopFulfilment>of("Reported to the shop", "已回传", "Reported at", "回传时间"))
                .displayName(ShopFulfilment::getExternalOrderId)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<ShopDelivery> delivery() {
        return EntityType.builder("ShopDelivery", "shop-deliveries", ShopDelivery.class, ShopDelivery::new)
                .module(MODULE)
                .label("Shop delivery", "网店推送")
                .pluralLabel("Shop deliveries (webhooks)", "网店推送（Webhook）")
                .administrative()
                .field(FieldDef.<ShopDelivery, String>of("connectorId", FieldType.REFERENCE, ShopDelivery::getConnectorId, null)
                        .label("Connector", "连接器").referenceTo("Connector"))
                .field(FieldDef.<ShopDelivery, String>of("platform", FieldType.PICKLIST, ShopDelivery::getPlatform, null).label("Platform", "平台")
                        .picklist(PicklistValue.of(WooCommerce.ID, "WooCommerce", "WooCommerce"), PicklistValue.of(Shopify.ID, "Shopify", "Shopify"),
                                PicklistValue.of(Youzan.ID, "Youzan", "有赞")))
                .field(FieldDef.<ShopDelivery, String>of("topic", FieldType.STRING, ShopDelivery::getTopic, null).label("Topic", "主题"))
                .field(FieldDef.<ShopDelivery, String>of("deliveryKey", FieldType.STRING, ShopDelivery::getDeliveryKey, null)
                        .label("Delivery id at the shop", "网店推送编号"))
                .field(FieldDef.<ShopDelivery, String>of("externalOrderId", FieldType.STRING, ShopDelivery::getExternalOrderId, null)
                        .label("Order id at the shop", "网店订单编号").searchable())
                .field(FieldDef.<ShopDelivery, String>of("status", FieldType.PICKLIST, ShopDelivery::getStatus, null).label("Status", "状态")
                        .picklist(PicklistValue.of(ShopDelivery.RECEIVED, "Received", "已接收"), PicklistValue.of(ShopDelivery.PROCESSED, "Processed", "已处理"),
                                PicklistValue.of(ShopDelivery.HELD, "On hold", "已挂起"), PicklistValue.of(ShopDelivery.IGNORED, "Ignored", "已忽略"),
                                PicklistValue.of(ShopDelivery.FAILED, "Failed", "失败")))
                .field(FieldDef.<ShopDelivery, String>of("salesOrderId", FieldType.REFERENCE, ShopDelivery::getSalesOrderId, null)
                        .label("Sales order", "销售订单").referenceTo("SalesOrder"))
                .field(FieldDef.<ShopDelivery, Long>of("attempts", FieldType.INTEGER, ShopDelivery::getAttempts, null).label("Attempts", "处理次数"))
                .field(FieldDef.<ShopDelivery, String>of("lastError", FieldType.STRING, ShopDelivery::getLastError, null).label("Why", "原因"))
                .field(FieldDef.<ShopDelivery, Object>of("processedAt", FieldType.DATETIME, ShopDelivery::getProcessedAt, null)
                        .label("Processed", "处理时间"))
                .field(FieldDef.<ShopDelivery, String>of("payload", FieldType.TEXT, ShopDelivery::getPayload, null)
                        .label("Body as received", "原始内容").notFilterable().notSortable())
                .displayName(d -> d.getTopic() + " " + (d.getExternalOrderId() == null ? d.getDeliveryKey() : d.getExternalOrderId()))
                .defaultSort("createdAt", true)
                .build();
    }
}
