package org.atriumcrm.pricing.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.StandardPicklists;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the price books module, in English and Simplified Chinese. */
final class PricingTypes {
    static final String MODULE = "pricing";

    static final EntityType<PriceBook> BOOK = book();
    static final EntityType<PriceBookEntry> ENTRY = entry();
    static final List<EntityType<?>> ALL = List.of(BOOK, ENTRY);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private PricingTypes() {
    }

    private static EntityType<PriceBook> book() {
        return EntityType.builder("PriceBook", "price-books", PriceBook.class, PriceBook::new)
                .module(MODULE).menuOrder(55)
                .importable()
                .label("Price book", "价格表")
                .pluralLabel("Price books", "价格表")
                .field(FieldDef.of("name", FieldType.STRING, PriceBook::getName, PriceBook::setName)
                        .label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("currency", FieldType.STRING, PriceBook::getCurrency, PriceBook::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("validFrom", FieldType.DATE, PriceBook::getValidFrom, PriceBook::setValidFrom)
                        .label("Valid from", "生效日期"))
                .field(FieldDef.of("validTo", FieldType.DATE, PriceBook::getValidTo, PriceBook::setValidTo)
                        .label("Valid to (inclusive)", "失效日期（含）"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, PriceBook::getActive, PriceBook::setActive).label("Active", "启用"))
                .field(FieldDef.of("accountId", FieldType.REFERENCE, PriceBook::getAccountId, PriceBook::setAccountId)
                        .label("For account", "适用客户").referenceTo("Account"))
                .field(FieldDef.of("partnerAccountId", FieldType.REFERENCE, PriceBook::getPartnerAccountId, PriceBook::setPartnerAccountId)
                        .label("For partner and its accounts", "适用合作伙伴").referenceTo("Account"))
                .field(FieldDef.of("customerTier", FieldType.PICKLIST, PriceBook::getCustomerTier, PriceBook::setCustomerTier)
                        .label("For customer tier", "适用客户级别").picklist(StandardPicklists.CUSTOMER_TIERS))
                .field(FieldDef.of("province", FieldType.PICKLIST, PriceBook::getProvince, PriceBook::setProvince)
                        .label("For province", "适用省份").picklist(StandardPicklists.PROVINCES))
                .field(FieldDef.of("city", FieldType.STRING, PriceBook::getCity, PriceBook::setCity)
                        .label("For city", "适用城市").maxLength(100))
                .field(FieldDef.of("channel", FieldType.PICKLIST, PriceBook::getChannel, PriceBook::setChannel)
                        .label("For channel", "适用渠道").picklist(StandardPicklists.SALES_CHANNELS))
                .field(FieldDef.of("priority", FieldType.INTEGER, PriceBook::getPriority, PriceBook::setPriority)
                        .label("Priority (higher wins among equally specific books)", "优先级"))
                .field(FieldDef.of("description", FieldType.STRING, PriceBook::getDescription, PriceBook::setDescription)
                        .label("Description", "描述").maxLength(1000))
                .relatedList("entries", "PriceBookEntry", "priceBookId", "Prices", "价格明细")
                .displayName(PriceBook::getName)
                .defaultSort("name", false)
                .build();
    }

    private static EntityType<PriceBookEntry> entry() {
        return EntityType.builder("PriceBookEntry", "price-book-entries", PriceBookEntry.class, PriceBookEntry::new)
                .module(MODULE).detail()
                .importable()
                .label("Price book entry", "价格明细")
                .pluralLabel("Price book entries", "价格明细")
                .field(FieldDef.of("priceBookId", FieldType.REFERENCE, PriceBookEntry::getPriceBookId, PriceBookEntry::setPriceBookId)
                        .label("Price book", "价格表").required().referenceTo("PriceBook"))
                .field(FieldDef.of("productId", FieldType.REFERENCE, PriceBookEntry::getProductId, PriceBookEntry::setProductId)
                        .label("Product", "产品").required().referenceTo("Product"))
                .field(FieldDef.of("unitPrice", FieldType.DECIMAL, PriceBookEntry::getUnitPrice, PriceBookEntry::setUnitPrice)
                        .label("Unit price", "单价").required())
                .field(FieldDef.of("minQuantity", FieldType.DECIMAL, PriceBookEntry::getMinQuantity, PriceBookEntry::setMinQuantity)
                        .label("From quantity (volume break)", "起订数量（阶梯价）"))
                .displayName(e -> e.getProductId() + " ≥ " + e.getMinQuantity())
                .defaultSort("minQuantity", false)
                .build();
    }
}
