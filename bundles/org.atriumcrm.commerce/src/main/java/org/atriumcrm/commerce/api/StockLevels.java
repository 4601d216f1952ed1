package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the other modules read of the inventory ledger (the inventory module registers it while enabled), e.g. a
 * quote's low-stock warning. Movements are booked by the documents that cause them, in their own transaction,
 * through the inventory module's exported ledger API, not through this read-only view.
 */
@ProviderType
public interface StockLevels {

    /** On hand per warehouse id for {@code productId}; empty when nothing was ever booked. */
    Map<String, BigDecimal> onHand(String productId);

    /** On hand summed over every warehouse. */
    default BigDecimal totalOnHand(String productId) {
        return onHand(productId).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
