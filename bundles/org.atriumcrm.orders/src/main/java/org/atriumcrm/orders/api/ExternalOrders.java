package org.atriumcrm.orders.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales orders that come from outside — a shop's order, an ERP's — made at most once per source and external id
 * (the orders module registers it while enabled). The pair is a unique key of the orders' table, so two takers of
 * one order (a redelivered webhook, a restart halfway through a batch, two nodes) end with one order: the second
 * gets the first one's. The order and its lines are written in one transaction, as a draft unless
 * {@link Order#confirm} asks for the confirmation (credit check included) right after.
 *
 * @since 1.1
 */
@ProviderType
public interface ExternalOrders {

    /** A line: a product of the catalog, the quantity, and the price the customer was charged (null: the price book's). */
    record Line(String productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountAmount, String description) {
        public Line {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /**
     * An order as the source sent it. {@code source} names where it comes from (a connector's id), {@code externalId}
     * the order there; {@code subject} defaults to the source's reference; the currency to the platform's.
     */
    record Order(String source, String externalId, String externalNumber, String accountId, String contactId, String ownerId,
            String subject, String currency, LocalDate orderDate, String billingAddress, String shippingAddress, BigDecimal shipping,
            String description, boolean confirm, List<Line> lines) {
        public Order {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(accountId, "accountId");
            lines = List.copyOf(lines);
        }
    }

    /** The order made (or found): {@code created} is false when it existed already. */
    record Placed(String salesOrderId, String number, String status, boolean created) {
    }

    /**
     * Makes the order, or finds the one made before for the same source and external id. A line whose product is
     * unknown, an account that does not exist or a quantity not above zero is a 400 naming it, and nothing is written.
     */
    Placed place(Order order, Caller caller);

    /** The order made for this source and external id, if any. */
    Optional<Placed> find(String source, String externalId);

    /**
     * Cancels the order made for this source and external id, with the reason: true when it was cancelled now, false
     * when it was cancelled already or there is none; 409 {@code order-fulfilled} once anything was delivered or invoiced.
     */
    boolean cancel(String source, String externalId, String reason, Caller caller);
}
