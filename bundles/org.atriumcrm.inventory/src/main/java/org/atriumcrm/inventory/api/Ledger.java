package org.atriumcrm.inventory.api;

import java.math.BigDecimal;
import java.util.List;

import javax.persistence.EntityManager;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Books stock movements (the inventory module registers it while enabled). A document that moves stock (a delivery
 * note, a goods receipt) lists {@link StockMovement} and {@link StockBalance} in its persistence unit and calls
 * {@link #book} with its own EntityManager inside its own transaction, so that the document's change and the stock
 * movement commit or roll back together; after its commit it calls {@link #committed} for the events.
 * <p>
 * Rules: a product unknown to the catalog or not kept in stock, an unknown or inactive warehouse, a quantity of 0, more
 * than 4 decimal places, or a sign the movement type does not allow is a 400 naming {@code lines[i].<field>}; a
 * movement that would take on hand below 0 for a product that does not allow back-orders is a 409
 * {@code insufficient-stock} naming the product, the warehouse, the quantity on hand and the shortfall (members
 * {@code productId}, {@code warehouseId}, {@code onHand}, {@code requested}, {@code shortfall}, and {@code shortages}
 * for every short line). Under any concurrency, what goes out never exceeds what is there.
 */
@ProviderType
public interface Ledger {

    /** One line to book: {@code quantity} signed (negative takes away); {@code warehouseId} null for the default warehouse. */
    record Move(String productId, String warehouseId, BigDecimal quantity, BigDecimal unitCost, String sourceLineId) {
    }

    /** The document a booking belongs to, e.g. {@code ("GoodsReceipt", id)}, and an optional reason in words. */
    record Source(String entity, String id, String reason) {
    }

    /** One booked movement, the quantity on hand it left in its warehouse, and that balance's record id. */
    record Booked(String movementId, String productId, String warehouseId, BigDecimal quantity, BigDecimal onHandAfter,
            String balanceId) {
    }

    /** What {@link #book} did, to hand to {@link #committed} after the caller's commit. */
    record Booking(String movementType, Source source, List<Booked> movements, Caller caller) {
    }

    /** Books {@code moves} of {@code movementType} on {@code em}, in the caller's transaction. */
    Booking book(EntityManager em, String movementType, Source source, List<Move> moves, Caller caller);

    /**
     * After the caller's transaction committed: posts {@code atrium/Stock/MOVED} per movement and
     * {@code atrium/Stock/LOW} where on hand fell under the product's reorder level (the product's owner is alerted by
     * email when the mail module is enabled), and brings the ledger's lists up to date.
     */
    void committed(Booking booking);

    /** The id of the default warehouse (seeded at the first start). */
    String defaultWarehouseId();
}
