package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the other order-to-cash modules read of the catalog (the products module registers it while enabled): a
 * product or service by id, with the facts that pricing, document lines and stock need.
 */
@ProviderType
public interface Catalog {

    /** Product or service. */
    enum Kind { PRODUCT, SERVICE }

    /** A part of a bundle, or a gift that goes out with the product (at price 0), per unit of the product. */
    record Component(String productId, BigDecimal quantity, boolean gift) {
    }

    /**
     * A product as the other modules see it. {@code taxRate} is a percentage (its tax class's rate); {@code stocked}
     * is false for services and for products not kept in stock; {@code allowBackorder}: its stock may go negative.
     */
    record Item(String id, String sku, String name, Kind kind, boolean active, String unit, BigDecimal listPrice,
            String currency, BigDecimal cost, BigDecimal taxRate, boolean stocked, boolean serialTracked,
            BigDecimal reorderLevel, boolean allowBackorder, String ownerId, String categoryId, List<Component> components) {
    }

    /** The product or service {@code id}, deleted ones (in the recycle bin) excluded. */
    Optional<Item> item(String id);

    /**
     * The product or service with this SKU, compared as the catalog's unique key compares it (case and surrounding
     * space ignored); deleted ones excluded. How an order from a shop or an ERP finds what was ordered.
     *
     * @since 1.3
     */
    Optional<Item> itemBySku(String sku);

    /** The ids of {@code categoryId} and of every category below it, for filters on a category tree. */
    List<String> categoryAndBelow(String categoryId);
}
