package org.atriumcrm.inventory.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.inventory.api.StockBalance;
import org.atriumcrm.inventory.api.StockMovement;

/** Metadata of the inventory module, in English and Simplified Chinese. */
final class InventoryTypes {
    static final String MODULE = "inventory";
    static final String UNIT = "atrium.inventory";
    static final String PRODUCT = "Product";

    static final String DRAFT = "draft";
    static final String COUNTED = "counted";
    static final String POSTED = "posted";

    static final PicklistValue[] MOVEMENT_TYPES = {
        PicklistValue.of(MovementTypes.RECEIPT, "Goods receipt", "采购入库"),
        PicklistValue.of(MovementTypes.DELIVERY, "Delivery", "销售出库"),
        PicklistValue.of(MovementTypes.ADJUSTMENT, "Adjustment", "库存调整"),
        PicklistValue.of(MovementTypes.STOCKTAKE_CORRECTION, "Stocktake correction", "盘点差异"),
        PicklistValue.of(MovementTypes.OPENING_BALANCE, "Opening balance", "期初库存"),
        PicklistValue.of(MovementTypes.TRANSFER_IN, "Transfer in", "调拨入库"),
        PicklistValue.of(MovementTypes.TRANSFER_OUT, "Transfer out", "调拨出库"),
        PicklistValue.of(MovementTypes.RETURN, "Return", "退货入库"),
    };

    static final EntityType<Warehouse> WAREHOUSE = warehouse();
    static final EntityType<StockMovement> MOVEMENT = movement();
    static final EntityType<StockBalance> BALANCE = balance();
    static final EntityType<Stocktake> STOCKTAKE = stocktake();
    static final EntityType<StocktakeLine> STOCKTAKE_LINE = stocktakeLine();
    static final List<EntityType<?>> ALL = List.of(WAREHOUSE, MOVEMENT, BALANCE, STOCKTAKE, STOCKTAKE_LINE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private InventoryTypes() {
    }

    private static EntityType<Warehouse> warehouse() {
        return EntityType.builder("Warehouse", "warehouses", Warehouse.class, Warehouse::new)
                .module(MODULE).menuOrder(160)
                .label("Warehouse", "仓库")
                .pluralLabel("Warehouses", "仓库")
                .field(FieldDef.of("code", FieldType.STRING, Warehouse::getCode, Warehouse::setCode)
                        .label("Code", "仓库编码").required().maxLength(30).searchable()
                        .pattern("[A-Za-z0-9_.-]+", "letters, digits, '_', '.' and '-'"))
                .field(FieldDef.of("name", FieldType.STRING, Warehouse::getName, Warehouse::setName)
                        .label("Name", "仓库名称").required().maxLength(200).searchable())
                .field(FieldDef.of("address", FieldType.STRING, Warehouse::getAddress, Warehouse::setAddress)
                        .label("Address", "地址").maxLength(1000))
                .field(FieldDef.of("active", FieldType.BOOLEAN, Warehouse::getActive, Warehouse::setActive).label("Active", "启用"))
                .field(FieldDef.<Warehouse, Boolean>of("defaultWarehouse", FieldType.BOOLEAN, Warehouse::getDefaultWarehouse, null)
                        .label("Default warehouse", "默认仓库"))
                .relatedList("balances", "StockBalance", "warehouseId", "Stock on hand", "现存量")
                .relatedList("movements", "StockMovement", "warehouseId", "Stock movements", "出入库流水")
                .displayName(w -> w.getCode() + " " + w.getName())
                .defaultSort("code", false)
                .build();
    }

    private static EntityType<StockMovement> movement() {
        return EntityType.builder("StockMovement", "stock-movements", StockMovement.class, StockMovement::new)
                .module(MODULE).menuOrder(162)
                .label("Stock movement", "出入库流水")
                .pluralLabel("Stock movements", "出入库流水")
                .field(FieldDef.of("movementType", FieldType.PICKLIST, StockMovement::getMovementType, StockMovement::setMovementType)
                        .label("Type", "类型").required().picklist(MOVEMENT_TYPES))
                .field(FieldDef.of("productId", FieldType.REFERENCE, StockMovement::getProductId, StockMovement::setProductId)
                        .label("Product", "产品").required().referenceTo(PRODUCT))
                .field(FieldDef.of("warehouseId", FieldType.REFERENCE, StockMovement::getWarehouseId, StockMovement::setWarehouseId)
                        .label("Warehouse (default warehouse when empty)", "仓库（为空时为默认仓库）").referenceTo("Warehouse"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, StockMovement::getQuantity, StockMovement::setQuantity)
                        .label("Quantity (negative: out)", "数量（负数为出库）").required())
                .field(FieldDef.of("unitCost", FieldType.DECIMAL, StockMovement::getUnitCost, StockMovement::setUnitCost)
                        .label("Unit cost", "单位成本"))
                .field(FieldDef.<StockMovement, Object>of("onHandAfter", FieldType.DECIMAL, StockMovement::getOnHandAfter, null)
                        .label("On hand after", "结存数量"))
                .field(FieldDef.<StockMovement, String>of("sourceEntity", FieldType.STRING, StockMovement::getSourceEntity, null)
                        .label("Source document type", "来源单据类型"))
                .field(FieldDef.<StockMovement, String>of("sourceId", FieldType.ID, StockMovement::getSourceId, null)
                        .label("Source document", "来源单据"))
                .field(FieldDef.<StockMovement, String>of("sourceLineId", FieldType.ID, StockMovement::getSourceLineId, null)
                        .label("Source line", "来源单据行"))
                .field(FieldDef.of("reason", FieldType.STRING, StockMovement::getReason, StockMovement::setReason)
                        .label("Reason", "原因").maxLength(500).searchable())
                .displayName(m -> m.getMovementType() + " " + (m.getQuantity() == null ? "" : m.getQuantity().stripTrailingZeros().toPlainString()))
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<StockBalance> balance() {
        return EntityType.builder("StockBalance", "stock-balances", StockBalance.class, StockBalance::new)
                .module(MODULE).menuOrder(161)
                .label("Stock on hand", "现存量")
                .pluralLabel("Stock on hand", "现存量")
                .field(FieldDef.<StockBalance, String>of("productId", FieldType.REFERENCE, StockBalance::getProductId, null)
                        .label("Product", "产品").referenceTo(PRODUCT))
                .field(FieldDef.<StockBalance, String>of("warehouseId", FieldType.REFERENCE, StockBalance::getWarehouseId, null)
                        .label("Warehouse", "仓库").referenceTo("Warehouse"))
                .field(FieldDef.<StockBalance, Object>of("onHand", FieldType.DECIMAL, StockBalance::getOnHand, null)
                        .label("On hand", "现存数量"))
                .field(FieldDef.<StockBalance, Object>of("lastMovementAt", FieldType.DATETIME, StockBalance::getLastMovementAt, null)
                        .label("Last movement", "最近出入库时间"))
                .displayName(b -> b.getProductId() + " @ " + b.getWarehouseId())
                .defaultSort("productId", false)
                .build();
    }

    private static EntityType<Stocktake> stocktake() {
        return EntityType.builder("Stocktake", "stocktakes", Stocktake.class, Stocktake::new)
                .module(MODULE).menuOrder(163)
                .label("Stocktake", "盘点单")
                .pluralLabel("Stocktakes", "盘点单")
                .field(FieldDef.of("warehouseId", FieldType.REFERENCE, Stocktake::getWarehouseId, Stocktake::setWarehouseId)
                        .label("Warehouse", "仓库").required().referenceTo("Warehouse"))
                .field(FieldDef.of("countDate", FieldType.DATE, Stocktake::getCountDate, Stocktake::setCountDate)
                        .label("Count date", "盘点日期").required())
                .field(FieldDef.<Stocktake, String>of("status", FieldType.PICKLIST, Stocktake::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(DRAFT, "Draft", "草稿"),
                                PicklistValue.of(COUNTED, "Counted", "已盘点"), PicklistValue.of(POSTED, "Posted", "已过账")))
                .field(FieldDef.<Stocktake, Object>of("postedAt", FieldType.DATETIME, Stocktake::getPostedAt, null)
                        .label("Posted at", "过账时间"))
                .field(FieldDef.of("description", FieldType.STRING, Stocktake::getDescription, Stocktake::setDescription)
                        .label("Description", "说明").maxLength(1000))
                .relatedList("lines", "StocktakeLine", "stocktakeId", "Count lines", "盘点明细")
                .displayName(s -> s.getCountDate() + " " + s.getStatus())
                .defaultSort("countDate", true)
                .build();
    }

    private static EntityType<StocktakeLine> stocktakeLine() {
        return EntityType.builder("StocktakeLine", "stocktake-lines", StocktakeLine.class, StocktakeLine::new)
                .module(MODULE).detail()
                .label("Count line", "盘点明细")
                .pluralLabel("Count lines", "盘点明细")
                .field(FieldDef.of("stocktakeId", FieldType.REFERENCE, StocktakeLine::getStocktakeId, StocktakeLine::setStocktakeId)
                        .label("Stocktake", "盘点单").required().referenceTo("Stocktake"))
                .field(FieldDef.of("productId", FieldType.REFERENCE, StocktakeLine::getProductId, StocktakeLine::setProductId)
                        .label("Product", "产品").required().referenceTo(PRODUCT))
                .field(FieldDef.of("countedQuantity", FieldType.DECIMAL, StocktakeLine::getCountedQuantity, StocktakeLine::setCountedQuantity)
                        .label("Counted quantity", "实盘数量").required())
                .field(FieldDef.<StocktakeLine, Object>of("systemQuantity", FieldType.DECIMAL, StocktakeLine::getSystemQuantity, null)
                        .label("System quantity when counted", "盘点时账面数量"))
                .field(FieldDef.<StocktakeLine, Object>of("difference", FieldType.DECIMAL, StocktakeLine::getDifference, null)
                        .label("Difference", "盘盈盘亏"))
                .field(FieldDef.<StocktakeLine, String>of("movementId", FieldType.REFERENCE, StocktakeLine::getMovementId, null)
                        .label("Correction movement", "差异流水").referenceTo("StockMovement"))
                .displayName(l -> l.getProductId())
                .build();
    }
}
