package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.orders.api.Fulfilment;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Fulfilment} in plain SQL on the caller's connection: the caller's persistence unit needs none of the orders'
 * entity classes, and the orders' own unit never caches these rows ({@code @Cacheable(false)}), so what this changes
 * is what the orders module reads next.
 */
@Component(service = {Fulfilment.class, FulfilmentService.class})
public class FulfilmentService implements Fulfilment {
    private static final String ORDER_TABLE = "ATRIUM_SALES_ORDER";
    private static final String LINE_TABLE = "ATRIUM_SALES_ORDER_LINE";
    private final JpaTemplate jpa;
    private final SalesOrderStore orders;

    @Activate
    public FulfilmentService(@Reference(target = "(osgi.unit.name=" + OrderTypes.UNIT + ")") JpaTemplate jpa,
            @Reference SalesOrderStore orders,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")") ModuleGate gate) {
        this.jpa = jpa;
        this.orders = orders;
    }

    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("orders can only be fulfilled inside an active transaction");
        }
        return c;
    }

    @Override
    public Optional<Order> order(String orderId) {
        return Transactions.required(jpa, em -> {
            try {
                return Optional.ofNullable(read(connection(em), orderId));
            } catch (SQLException e) {
                throw new IllegalStateException("reading sales order " + orderId + " failed", e);
            }
        });
    }

    @Override
    public Order lock(EntityManager em, String orderId) {
        Connection c = connection(em);
        try {
            try (PreparedStatement lock = c.prepareStatement("UPDATE " + ORDER_TABLE + " SET VERSION = VERSION + 1 WHERE ID = ?"
                    + " AND DELETED_AT IS NULL")) {
                lock.setString(1, orderId);
                if (lock.executeUpdate() != 1) {
                    throw AtriumException.invalid("salesOrderId", "reference-not-found", "no SalesOrder with id " + orderId, "SalesOrder", orderId);
                }
            }
            Order order = read(c, orderId);
            if (!OrderTypes.OPEN.contains(order.status())) {
                throw AtriumException.conflict("order-not-confirmed", "sales order " + order.number() + " is " + order.status()
                        + "; only a confirmed order is delivered or invoiced").with("currentStatus", order.status())
                        .localized("order-not-confirmed", order.number(), order.status());
            }
            return order;
        } catch (SQLException e) {
            throw new IllegalStateException("locking sales order " + orderId + " failed", e);
        }
    }

    @Override
    public void deliver(EntityManager em, String orderId, List<Quantity> quantities, Caller caller) {
        change(em, orderId, quantities, "DELIVERED_QUANTITY", +1, "delivery-exceeds-remaining", "delivered", caller);
        deriveStatus(em, orderId, caller);
    }

    @Override
    public void undeliver(EntityManager em, String orderId, List<Quantity> quantities, Caller caller) {
        change(em, orderId, quantities, "DELIVERED_QUANTITY", -1, "delivery-exceeds-remaining", "delivered", caller);
        deriveStatus(em, orderId, caller);
    }

    @Override
    public void invoice(EntityManager em, String orderId, List<Quantity> quantities, BigDecimal amount, Caller caller) {
        change(em, orderId, quantities, "INVOICED_QUANTITY", +1, "invoice-exceeds-remaining", "invoiced", caller);
        invoicedAmount(em, orderId, amount);
    }

    @Override
    public void uninvoice(EntityManager em, String orderId, List<Quantity> quantities, BigDecimal amount, Caller caller) {
        change(em, orderId, quantities, "INVOICED_QUANTITY", -1, "invoice-exceeds-remaining", "invoiced", caller);
        invoicedAmount(em, orderId, amount == null ? null : amount.negate());
    }

    private static void invoicedAmount(EntityManager em, String orderId, BigDecimal amount) {
        if (amount == null || amount.signum() == 0) {
            return;
        }
        try (PreparedStatement s = connection(em).prepareStatement("UPDATE " + ORDER_TABLE
                + " SET INVOICED_AMOUNT = COALESCE(INVOICED_AMOUNT, 0) + ? WHERE ID = ?")) {
            s.setBigDecimal(1, amount);
            s.setString(2, orderId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("changing the invoiced amount of " + orderId + " failed", e);
        }
    }

    /**
     * One conditional UPDATE per line, in the lines' id order (two documents of one order take them in the same
     * order); all refusals at once as one 400 with each line's figures.
     */
    private static void change(EntityManager em, String orderId, List<Quantity> quantities, String column, int sign, String problem,
            String word, Caller caller) {
        if (quantities == null || quantities.isEmpty()) {
            throw AtriumException.invalid("lines", "order-lines-required", "name at least one order line and its quantity");
        }
        Connection c = connection(em);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> quantities.get(i).salesOrderLineId()));
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        String guard = sign > 0 ? column + " + ? <= QUANTITY" : column + " >= ?";
        String sql = "UPDATE " + LINE_TABLE + " SET " + column + " = " + column + (sign > 0 ? " + ?" : " - ?")
                + ", VERSION = VERSION + 1 WHERE ID = ? AND SALES_ORDER_ID = ? AND DELETED_AT IS NULL AND " + guard;
        try {
            for (int i : order) {
                Quantity q = quantities.get(i);
                String at = "lines[" + i + "].";
                if (q.quantity() == null || q.quantity().signum() <= 0) {
                    errors.add(new FieldError(at + "quantity", "must be greater than 0"));
                    continue;
                }
                int n;
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setBigDecimal(1, q.quantity());
                    s.setString(2, q.salesOrderLineId());
                    s.setString(3, orderId);
                    s.setBigDecimal(4, q.quantity());
                    n = s.executeUpdate();
                }
                if (n == 1) {
                    continue;
                }
                OrderLine line = line(c, q.salesOrderLineId());
                if (line == null || !orderId.equals(line.salesOrderId())) {
                    errors.add(FieldError.of(at + "salesOrderLineId", "not-a-line-of-the-order", "no line " + q.salesOrderLineId()
                            + " on this sales order", q.salesOrderLineId()));
                    continue;
                }
                BigDecimal done = "delivered".equals(word) ? line.delivered() : line.invoiced();
                Map<String, Object> r = new java.util.LinkedHashMap<>();
                r.put("line", i);
                r.put("salesOrderLineId", line.id());
                r.put("productId", line.productId());
                r.put("ordered", plain(line.quantity()));
                r.put(word, plain(done));
                r.put("asked", plain(sign > 0 ? q.quantity() : q.quantity().negate()));
                refused.add(r);
                errors.add(sign > 0
                        ? FieldError.of(at + "quantity", "quantity-exceeds-remaining", "line " + line.position() + " (" + line.sku() + " "
                                + line.productName() + "): ordered " + plain(line.quantity()) + ", " + word + " " + plain(done) + ", asked "
                                + plain(q.quantity()) + " — only " + plain(line.quantity().subtract(done)) + " remain", line.position(),
                                line.sku(), line.productName(), plain(line.quantity()), word, plain(done), plain(q.quantity()),
                                plain(line.quantity().subtract(done)))
                        : FieldError.of(at + "quantity", "quantity-exceeds-done", "line " + line.position() + ": only " + plain(done) + " "
                                + word + ", " + plain(q.quantity()) + " to take back", line.position(), plain(done), word, plain(q.quantity())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("changing the " + word + " quantities of " + orderId + " failed", e);
        }
        if (!errors.isEmpty()) {
            AtriumException e = new AtriumException(400, problem, "Bad request", errors.size() == 1 ? errors.get(0).message()
                    : errors.size() + " lines are refused", errors);
            if (!refused.isEmpty()) {
                Map<String, Object> first = refused.get(0);
                for (String k : List.of("salesOrderLineId", "ordered", word, "asked")) {
                    e.with(k, first.get(k));
                }
                e.with("lines", refused);
            }
            throw e;
        }
    }

    /** Confirmed → partly delivered → delivered (and back on a cancelled delivery), from the lines' delivered quantities. */
    private static void deriveStatus(EntityManager em, String orderId, Caller caller) {
        Connection c = connection(em);
        try {
            Order order = read(c, orderId);
            boolean any = false;
            boolean all = true;
            for (OrderLine l : order.lines()) {
                any |= l.delivered().signum() > 0;
                all &= l.delivered().compareTo(l.quantity()) >= 0;
            }
            String status = all && any ? OrderTypes.DELIVERED : any ? OrderTypes.PARTLY_DELIVERED : OrderTypes.CONFIRMED;
            if (status.equals(order.status())) {
                return;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + ORDER_TABLE + " SET STATUS = ?, MODIFIED_AT = ?, MODIFIED_BY = ?"
                    + " WHERE ID = ?")) {
                s.setString(1, status);
                s.setTimestamp(2, Timestamp.from(now));
                s.setString(3, caller.userId());
                s.setString(4, orderId);
                s.executeUpdate();
            }
            em.persist(new RecordChangeRow(OrderTypes.ORDER.name(), orderId, "UPDATED", "status", order.status(), status, caller.userId(), now));
        } catch (SQLException e) {
            throw new IllegalStateException("deriving the status of " + orderId + " failed", e);
        }
    }

    @Override
    public List<String> dueSchedules(LocalDate today) {
        return Transactions.required(jpa, em -> em.createQuery("SELECT o.id FROM SalesOrder o WHERE o.nextInvoiceDate IS NOT NULL"
                + " AND o.nextInvoiceDate <= :today AND o.deletedAt IS NULL AND o.status IN :open ORDER BY o.nextInvoiceDate", String.class)
                .setParameter("today", today).setParameter("open", OrderTypes.OPEN).getResultList());
    }

    @Override
    public boolean claimScheduledRun(EntityManager em, String orderId, LocalDate due) {
        Connection c = connection(em);
        try {
            Order order = read(c, orderId);
            if (order == null || order.invoiceFrequency() == null) {
                return false;
            }
            LocalDate next = Fulfilment.nextRun(order.invoiceFrequency(), due);
            if (order.invoiceEnd() != null && next.isAfter(order.invoiceEnd())) {
                next = null;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE " + ORDER_TABLE + " SET NEXT_INVOICE_DATE = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND NEXT_INVOICE_DATE = ?")) {
                s.setDate(1, next == null ? null : Date.valueOf(next));
                s.setString(2, orderId);
                s.setDate(3, Date.valueOf(due));
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming the invoicing run of " + orderId + " failed", e);
        }
    }

    @Override
    public void committed(String orderId, Caller caller) {
        orders.changed(orderId, caller, "status", "invoicedAmount", "nextInvoiceDate");
    }

    static Order read(Connection c, String orderId) throws SQLException {
        Order order;
        try (PreparedStatement s = c.prepareStatement("SELECT ID, ORDER_NUMBER, STATUS, ACCOUNT_ID, CONTACT_ID, OWNER_ID, CURRENCY,"
                + " BILLING_ADDRESS, SHIPPING_ADDRESS, PAYMENT_TERM_DAYS, SHIPPING, SHIPPING_TAX_RATE, ADJUSTMENT, GRAND_TOTAL,"
                + " INVOICED_AMOUNT, INVOICE_FREQUENCY, INVOICE_START, INVOICE_END, INVOICE_PAYMENT_TERM_DAYS, NEXT_INVOICE_DATE"
                + " FROM " + ORDER_TABLE + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                order = new Order(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), longOrNull(rs, 10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                        rs.getBigDecimal(13), rs.getBigDecimal(14), zero(rs.getBigDecimal(15)), rs.getString(16), date(rs, 17), date(rs, 18),
                        longOrNull(rs, 19), date(rs, 20), lines(c, orderId));
            }
        }
        return order;
    }

    private static final String LINE_COLUMNS = "ID, SALES_ORDER_ID, LINE_POSITION, PRODUCT_ID, PRODUCT_NAME, SKU, UNIT, QUANTITY,"
            + " UNIT_PRICE, DISCOUNT_PERCENT, DISCOUNT_AMOUNT, TAX_RATE, NET_AMOUNT, DELIVERED_QUANTITY, INVOICED_QUANTITY";

    private static List<OrderLine> lines(Connection c, String orderId) throws SQLException {
        List<OrderLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM " + LINE_TABLE
                + " WHERE SALES_ORDER_ID = ? AND DELETED_AT IS NULL ORDER BY LINE_POSITION, CREATED_AT")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(line(rs));
                }
            }
        }
        return lines;
    }

    private static OrderLine line(Connection c, String lineId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM " + LINE_TABLE + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            s.setString(1, lineId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? line(rs) : null;
            }
        }
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        Long position = longOrNull(rs, 3);
        return new OrderLine(rs.getString(1), rs.getString(2), position == null ? 0 : position, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                zero(rs.getBigDecimal(12)), rs.getBigDecimal(13), zero(rs.getBigDecimal(14)), zero(rs.getBigDecimal(15)));
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** Per line id, the lines of {@code order}. */
    static Map<String, OrderLine> byId(Order order) {
        Map<String, OrderLine> m = new HashMap<>();
        order.lines().forEach(l -> m.put(l.id(), l));
        return m;
    }
}
