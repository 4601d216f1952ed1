package org.atriumcrm.products.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the catalog module, in English and Simplified Chinese. */
final class ProductTypes {
    static final String MODULE = "products";

    static final PicklistValue[] UNITS = {
        PicklistValue.of("piece", "Piece", "件"),
        PicklistValue.of("unit", "Unit", "台"),
        PicklistValue.of("box", "Box", "箱"),
        PicklistValue.of("set", "Set", "套"),
        PicklistValue.of("pack", "Pack", "包"),
        PicklistValue.of("kg", "Kilogram", "千克"),
        PicklistValue.of("m", "Metre", "米"),
        PicklistValue.of("l", "Litre", "升"),
        PicklistValue.of("hour", "Hour", "小时"),
        PicklistValue.of("day", "Day", "天"),
        PicklistValue.of("time", "Time (per occurrence)", "次"),
        PicklistValue.of("month", "Month", "月"),
        PicklistValue.of("year", "Year", "年"),
    };
    /** What a service is sold by: time spent, occurrences or a period; never a physical quantity. */
    static final Set<String> SERVICE_UNITS = Set.of("hour", "day", "time", "month", "year");

    static final PicklistValue[] KINDS = {
        PicklistValue.of(Product.PRODUCT, "Product", "产品"),
        PicklistValue.of(Product.SERVICE, "Service", "服务"),
    };

    static final EntityType<Product> PRODUCT = product();
    static final EntityType<ProductCategory> CATEGORY = category();
    static final EntityType<ProductComponent> COMPONENT = component();
    static final EntityType<TaxClass> TAX_CLASS = taxClass();
    static final List<EntityType<?>> ALL = List.of(PRODUCT, CATEGORY, COMPONENT, TAX_CLASS);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private ProductTypes() {
    }

    private static EntityType<Product> product() {
        return EntityType.builder("Product", "products", Product.class, Product::new)
                .module(MODULE).menuOrder(50)
                .importable()
                .label("Product", "产品")
                .pluralLabel("Products", "产品")
                .field(FieldDef.of("sku", FieldType.STRING, Product::getSku, Product::setSku)
                        .label("SKU", "产品编码").required().maxLength(64).searchable()
                        .pattern("\\S(.*\\S)?", "must not start or end with spaces"))
                .field(FieldDef.of("name", FieldType.STRING, Product::getName, Product::setName)
                        .label("Name", "产品名称").required().maxLength(200).searchable())
                .field(FieldDef.of("model", FieldType.STRING, Product::getModel, Product::setModel)
                        .label("Model", "规格型号").maxLength(100).searchable())
                .field(FieldDef.of("kind", FieldType.PICKLIST, Product::getKind, Product::setKind)
                        .label("Product or service", "产品/服务").picklist(KINDS))
                .field(FieldDef.of("categoryId", FieldType.REFERENCE, Product::getCategoryId, Product::setCategoryId)
                        .label("Category", "产品分类").referenceTo("ProductCategory"))
                .field(FieldDef.of("unit", FieldType.PICKLIST, Product::getUnit, Product::setUnit)
                        .label("Unit of measure", "计量单位").picklist(UNITS))
                .field(FieldDef.of("vendorName", FieldType.STRING, Product::getVendorName, Product::setVendorName)
                        .label("Vendor", "供应商").maxLength(200).searchable())
                .field(FieldDef.of("vendorSku", FieldType.STRING, Product::getVendorSku, Product::setVendorSku)
                        .label("Vendor's part number", "供应商产品编码").maxLength(64))
                .field(FieldDef.of("taxClassId", FieldType.REFERENCE, Product::getTaxClassId, Product::setTaxClassId)
                        .label("Tax class", "税目").referenceTo("TaxClass"))
                .field(FieldDef.of("listPrice", FieldType.DECIMAL, Product::getListPrice, Product::setListPrice)
                        .label("List price", "标准价格"))
                .field(FieldDef.of("currency", FieldType.STRING, Product::getCurrency, Product::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("cost", FieldType.DECIMAL, Product::getCost, Product::setCost).label("Cost", "成本价"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, Product::getActive, Product::setActive).label("Active", "启用"))
                .field(FieldDef.of("stocked", FieldType.BOOLEAN, Product::getStocked, Product::setStocked)
                        .label("Kept in stock (never for services)", "库存管理"))
                .field(FieldDef.of("serialTracked", FieldType.BOOLEAN, Product::getSerialTracked, Product::setSerialTracked)
                        .label("Serial numbers tracked", "序列号管理"))
                .field(FieldDef.of("reorderLevel", FieldType.DECIMAL, Product::getReorderLevel, Product::setReorderLevel)
                        .label("Reorder level", "最低库存"))
                .field(FieldDef.of("allowBackorder", FieldType.BOOLEAN, Product::getAllowBackorder, Product::setAllowBackorder)
                        .label("Allow back-orders (negative stock)", "允许负库存"))
                .field(FieldDef.of("description", FieldType.TEXT, Product::getDescription, Product::setDescription)
                        .label("Description", "描述").maxLength(4000).notFilterable())
                .field(FieldDef.<Product, String>of("imageType", FieldType.STRING, Product::getImageType, null)
                        .label("Image type (PUT .../image)", "图片类型"))
                .field(FieldDef.<Product, Long>of("imageSize", FieldType.INTEGER, Product::getImageSize, null)
                        .label("Image size (bytes)", "图片大小（字节）"))
                .relatedList("components", "ProductComponent", "productId", "Bundled and gift items", "组合及赠品")
                .relatedList("used-in", "ProductComponent", "componentProductId", "Part of", "所属组合")
                .displayName(p -> p.getSku() + " " + p.getName())
                .defaultSort("sku", false)
                .build();
    }

    private static EntityType<ProductCategory> category() {
        return EntityType.builder("ProductCategory", "product-categories", ProductCategory.class, ProductCategory::new)
                .module(MODULE).menuOrder(51)
                .importable()
                .label("Product category", "产品分类")
                .pluralLabel("Product categories", "产品分类")
                .field(FieldDef.of("name", FieldType.STRING, ProductCategory::getName, ProductCategory::setName)
                        .label("Name", "分类名称").required().maxLength(200).searchable())
                .field(FieldDef.of("parentId", FieldType.REFERENCE, ProductCategory::getParentId, ProductCategory::setParentId)
                        .label("Parent category", "上级分类").referenceTo("ProductCategory"))
                .field(FieldDef.of("description", FieldType.STRING, ProductCategory::getDescription, ProductCategory::setDescription)
                        .label("Description", "描述").maxLength(1000))
                .relatedList("subcategories", "ProductCategory", "parentId", "Subcategories", "下级分类")
                .relatedList("products", "Product", "categoryId", "Products", "产品")
                .displayName(ProductCategory::getName)
                .defaultSort("name", false)
                .build();
    }

    private static EntityType<ProductComponent> component() {
        return EntityType.builder("ProductComponent", "product-components", ProductComponent.class, ProductComponent::new)
                .module(MODULE).detail()
                .label("Bundled or gift item", "组合及赠品")
                .pluralLabel("Bundled and gift items", "组合及赠品")
                .field(FieldDef.of("productId", FieldType.REFERENCE, ProductComponent::getProductId, ProductComponent::setProductId)
                        .label("Product", "产品").required().referenceTo("Product"))
                .field(FieldDef.of("componentProductId", FieldType.REFERENCE, ProductComponent::getComponentProductId,
                        ProductComponent::setComponentProductId).label("Item", "组件产品").required().referenceTo("Product"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, ProductComponent::getQuantity, ProductComponent::setQuantity)
                        .label("Quantity per unit", "每单位数量").required())
                .field(FieldDef.of("gift", FieldType.BOOLEAN, ProductComponent::getGift, ProductComponent::setGift)
                        .label("Gift (at no charge)", "赠品"))
                .displayName(c -> c.getComponentProductId() + " × " + c.getQuantity())
                .build();
    }

    private static EntityType<TaxClass> taxClass() {
        return EntityType.builder("TaxClass", "tax-classes", TaxClass.class, TaxClass::new)
                .module(MODULE)
                .administrative()
                .label("Tax class", "税目")
                .pluralLabel("Tax classes", "税目")
                .field(FieldDef.of("name", FieldType.STRING, TaxClass::getName, TaxClass::setName)
                        .label("Name", "名称").required().maxLength(100))
                .field(FieldDef.of("rate", FieldType.DECIMAL, TaxClass::getRate, TaxClass::setRate)
                        .label("Rate (%)", "税率（%）").required())
                .field(FieldDef.of("active", FieldType.BOOLEAN, TaxClass::getActive, TaxClass::setActive).label("Active", "启用"))
                .field(FieldDef.of("description", FieldType.STRING, TaxClass::getDescription, TaxClass::setDescription)
                        .label("Description", "描述").maxLength(1000))
                .displayName(TaxClass::getName)
                .defaultSort("rate", true)
                .build();
    }
}
