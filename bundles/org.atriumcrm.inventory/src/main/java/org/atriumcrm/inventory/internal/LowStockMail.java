package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;

import org.atriumcrm.commerce.api.Catalog;

/** Alerts a product's owner that its stock in a warehouse fell under the reorder level (present while mail is enabled). */
interface LowStockMail {
    void alert(Catalog.Item product, Warehouse warehouse, BigDecimal onHand);
}
