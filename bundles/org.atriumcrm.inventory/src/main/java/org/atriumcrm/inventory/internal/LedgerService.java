package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.StockLevels;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.inventory.api.StockBalance;
import org.atriumcrm.inventory.api.StockMovement;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The ledger's rules and bookings, and the read-only stock levels the other modules see. */
@Component(service = {Ledger.class, StockLevels.class, LedgerService.class})
public class LedgerService implements Ledger, StockLevels {
    private final Catalog catalog;
    private final JpaTemplate jpa;
    private final EventAdmin events;
    private volatile LowStockMail mail;

    @Activate
    public LedgerService(@Reference Catalog catalog, @Reference(target = "(osgi.unit.name=" + InventoryTypes.UNIT + ")") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        this.catalog = catalog;
        this.jpa = jpa;
        this.events = events;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindMail(LowStockMail m) {
        this.mail = m;
    }

    void unbindMail(LowStockMail m) {
        if (this.mail == m) {
            this.mail = null;
        }
    }

    @Override
    public Booking book(EntityManager em, String movementType, Source source, List<Move> moves, Caller caller) {
        if (movementType == null || !MovementTypes.ALL.contains(movementType)) {
            throw AtriumException.invalidField("movementType", "must be one of " + MovementTypes.ALL);
        }
        if (moves == null || moves.isEmpty()) {
            throw AtriumException.invalid("lines", "booking-lines-required", "a booking needs at least one line");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<StockMovement> rows = new ArrayList<>(moves.size());
        for (Move move : moves) {
            StockMovement m = new StockMovement();
            m.setMovementType(movementType);
            m.setProductId(move.productId());
            m.setWarehouseId(move.warehouseId());
            m.setQuantity(move.quantity());
            m.setUnitCost(move.unitCost());
            m.setSourceLineId(move.sourceLineId());
            if (source != null) {
                m.setSourceEntity(source.entity());
                m.setSourceId(source.id());
                m.setReason(source.reason());
            }
            m.initialise(RecordIds.next(), now, caller);
            rows.add(m);
        }
        List<Booked> booked = apply(em, rows, now, caller, "lines[%d].");
        for (StockMovement m : rows) {
            em.persist(m);
            em.persist(new RecordChangeRow(InventoryTypes.MOVEMENT.name(), m.getId(), "CREATED", null, null, null, caller.userId(), now));
        }
        return new Booking(movementType, source, booked, caller);
    }

    /**
     * Validates {@code rows} (not yet persisted) and changes their balances in one consistent order of product and
     * warehouse (two bookings of the same products in another order would deadlock otherwise); sets each row's
     * warehouse (the default when empty) and on hand after it. All shortages at once, as one 409.
     */
    List<Booked> apply(EntityManager em, List<StockMovement> rows, Instant now, Caller caller, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Catalog.Item> items = new HashMap<>();
        String defaultWarehouse = null;
        for (int i = 0; i < rows.size(); i++) {
            StockMovement m = rows.get(i);
            String at = String.format(fieldPrefix, i);
            if (m.getWarehouseId() == null) {
                defaultWarehouse = defaultWarehouse != null ? defaultWarehouse : defaultWarehouseId();
                m.setWarehouseId(defaultWarehouse);
            }
            Optional<Warehouse> warehouse = warehouse(m.getWarehouseId());
            if (warehouse.isEmpty()) {
                errors.add(FieldError.of(at + "warehouseId", "reference-not-found", "no Warehouse with id " + m.getWarehouseId(), "Warehouse",
                        m.getWarehouseId()));
            } else if (!Boolean.TRUE.equals(warehouse.get().getActive())) {
                errors.add(FieldError.of(at + "warehouseId", "warehouse-inactive", "warehouse " + warehouse.get().getCode() + " is not active",
                        warehouse.get().getCode()));
            }
            Catalog.Item item = m.getProductId() == null ? null
                    : items.computeIfAbsent(m.getProductId(), id -> catalog.item(id).orElse(null));
            if (item == null) {
                errors.add(m.getProductId() == null ? FieldError.of(at + "productId", "required", "is required")
                        : FieldError.of(at + "productId", "reference-not-found", "no Product with id " + m.getProductId(), "Product", m.getProductId()));
            } else if (!item.stocked()) {
                errors.add(FieldError.of(at + "productId", "not-stocked", item.sku() + " " + item.name() + " is not kept in stock", item.sku(),
                        item.name()));
            }
            checkQuantity(m.getMovementType(), m.getQuantity(), at + "quantity", errors);
            if (m.getUnitCost() != null && m.getUnitCost().signum() < 0) {
                errors.add(new FieldError(at + "unitCost", "must not be negative"));
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> rows.get(i).getProductId()).thenComparing(i -> rows.get(i).getWarehouseId()));
        Connection c = Balances.connection(em);
        Booked[] booked = new Booked[rows.size()];
        List<Map<String, Object>> shortages = new ArrayList<>();
        for (int i : order) {
            StockMovement m = rows.get(i);
            Catalog.Item item = items.get(m.getProductId());
            try {
                Balances.After after = Balances.change(c, m.getProductId(), m.getWarehouseId(), m.getQuantity(), item.allowBackorder(),
                        now, caller.userId());
                m.setOnHandAfter(after.onHand());
                booked[i] = new Booked(m.getId(), m.getProductId(), m.getWarehouseId(), m.getQuantity(), after.onHand(), after.balanceId());
            } catch (Balances.Short s) {
                Map<String, Object> shortage = new LinkedHashMap<>();
                shortage.put("line", i);
                shortage.put("productId", m.getProductId());
                shortage.put("sku", item.sku());
                shortage.put("warehouseId", m.getWarehouseId());
                shortage.put("onHand", s.onHand.stripTrailingZeros().toPlainString());
                shortage.put("requested", m.getQuantity().negate().stripTrailingZeros().toPlainString());
                shortage.put("shortfall", m.getQuantity().negate().subtract(s.onHand).stripTrailingZeros().toPlainString());
                shortages.add(shortage);
            } catch (SQLException e) {
                throw new IllegalStateException("booking stock of " + m.getProductId() + " failed", e);
            }
        }
        if (!shortages.isEmpty()) {
            throw shortage(shortages, items, em);
        }
        return List.of(booked);
    }

    private AtriumException shortage(List<Map<String, Object>> shortages, Map<String, Catalog.Item> items, EntityManager em) {
        Map<String, Object> first = shortages.get(0);
        Catalog.Item item = items.get((String) first.get("productId"));
        String warehouse = warehouse((String) first.get("warehouseId")).map(Warehouse::getCode).orElse((String) first.get("warehouseId"));
        String detail = "not enough stock of " + item.sku() + " " + item.name() + " in warehouse " + warehouse + ": "
                + first.get("onHand") + " on hand, " + first.get("requested") + " asked, short by " + first.get("shortfall")
                + (shortages.size() > 1 ? " (and " + (shortages.size() - 1) + " more short lines)" : "");
        AtriumException e = AtriumException.conflict("insufficient-stock", detail);
        if (shortages.size() > 1) {
            e.localized("insufficient-stock.more", item.sku(), item.name(), warehouse, first.get("onHand"), first.get("requested"),
                    first.get("shortfall"), shortages.size() - 1);
        } else {
            e.localized("insufficient-stock", item.sku(), item.name(), warehouse, first.get("onHand"), first.get("requested"), first.get("shortfall"));
        }
        for (String key : List.of("productId", "warehouseId", "onHand", "requested", "shortfall")) {
            e.with(key, first.get(key));
        }
        return e.with("shortages", shortages);
    }

    static void checkQuantity(String type, BigDecimal quantity, String field, List<FieldError> errors) {
        if (quantity == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (quantity.signum() == 0) {
            errors.add(new FieldError(field, "must not be 0"));
        } else if (quantity.stripTrailingZeros().scale() > Amounts.MAX_SCALE) {
            errors.add(FieldError.of(field, "decimal-places", "has more than " + Amounts.MAX_SCALE + " decimal places", Amounts.MAX_SCALE));
        } else if (MovementTypes.sign(type) != 0 && quantity.signum() != MovementTypes.sign(type)) {
            errors.add(MovementTypes.sign(type) > 0 ? FieldError.of(field, "movement-positive", "must be positive for a " + type, type)
                    : FieldError.of(field, "movement-negative", "must be negative for a " + type, type));
        }
    }

    @Override
    public void committed(Booking booking) {
        committed(booking, true);
    }

    /** As {@link #committed(Booking)}; {@code announceMovements} false when a store announced the movement already. */
    void committed(Booking booking, boolean announceMovements) {
        if (booking == null || booking.movements().isEmpty()) {
            return;
        }
        List<String> movementIds = booking.movements().stream().map(Booked::movementId).toList();
        List<String> balanceIds = booking.movements().stream().map(Booked::balanceId).distinct().toList();
        // the list index learns of the new rows before the caller's answer: its next list shows them
        if (announceMovements) {
            events.sendEvent(new Event(DomainEvents.COMMITTED_TOPIC, Map.of(DomainEvents.ENTITY, InventoryTypes.MOVEMENT.name(),
                    DomainEvents.IDS, movementIds.toArray(String[]::new))));
        }
        events.sendEvent(new Event(DomainEvents.COMMITTED_TOPIC, Map.of(DomainEvents.ENTITY, InventoryTypes.BALANCE.name(),
                DomainEvents.IDS, balanceIds.toArray(String[]::new))));
        String userId = booking.caller().userId();
        for (Booked b : booking.movements()) {
            Map<String, Object> props = new HashMap<>();
            props.put(DomainEvents.ENTITY, InventoryTypes.MOVEMENT.name());
            props.put(DomainEvents.ID, b.movementId());
            props.put(DomainEvents.USER_ID, userId);
            props.put(CommerceEvents.PRODUCT_ID, b.productId());
            props.put(CommerceEvents.WAREHOUSE_ID, b.warehouseId());
            props.put(CommerceEvents.QUANTITY, b.quantity().stripTrailingZeros().toPlainString());
            if (booking.source() != null && booking.source().id() != null) {
                props.put(CommerceEvents.SOURCE_ENTITY, booking.source().entity());
                props.put(CommerceEvents.SOURCE_ID, booking.source().id());
            }
            if (announceMovements) {
                events.postEvent(new Event(DomainEvents.topic(InventoryTypes.MOVEMENT.name(), DomainEvents.Action.CREATED), props));
            }
            events.postEvent(new Event(CommerceEvents.STOCK_MOVED, props));
            lowStock(b, userId);
        }
    }

    /** STOCK_LOW when this movement took on hand from at or above the product's reorder level to below it. */
    private void lowStock(Booked b, String userId) {
        if (b.quantity().signum() >= 0) {
            return;
        }
        Catalog.Item item = catalog.item(b.productId()).orElse(null);
        BigDecimal reorder = item == null ? null : item.reorderLevel();
        BigDecimal before = b.onHandAfter().subtract(b.quantity());
        if (reorder == null || b.onHandAfter().compareTo(reorder) >= 0 || before.compareTo(reorder) < 0) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(DomainEvents.ENTITY, InventoryTypes.BALANCE.name());
        props.put(DomainEvents.ID, b.balanceId());
        props.put(DomainEvents.USER_ID, userId);
        props.put(CommerceEvents.PRODUCT_ID, b.productId());
        props.put(CommerceEvents.WAREHOUSE_ID, b.warehouseId());
        props.put(CommerceEvents.QUANTITY, b.onHandAfter().stripTrailingZeros().toPlainString());
        events.postEvent(new Event(CommerceEvents.STOCK_LOW, props));
        LowStockMail m = mail;
        if (m != null) {
            m.alert(item, warehouse(b.warehouseId()).orElse(null), b.onHandAfter());
        }
    }

    Optional<Warehouse> warehouse(String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        return Transactions.required(jpa, em -> Optional.ofNullable(em.find(Warehouse.class, id)).filter(w -> !w.isDeleted()));
    }

    @Override
    public String defaultWarehouseId() {
        return Transactions.required(jpa, em -> em.createQuery("SELECT w.id FROM Warehouse w WHERE w.defaultWarehouse = TRUE"
                + " AND w.deletedAt IS NULL ORDER BY w.createdAt", String.class).setMaxResults(1).getResultList())
                .stream().findFirst().orElseThrow(() -> AtriumException.conflict("no-default-warehouse",
                        "there is no default warehouse: name a warehouseId").localized("no-default-warehouse"));
    }

    @Override
    public Map<String, BigDecimal> onHand(String productId) {
        Map<String, BigDecimal> levels = new LinkedHashMap<>();
        Transactions.required(jpa, em -> em.createQuery("SELECT b FROM StockBalance b WHERE b.productId = :p ORDER BY b.warehouseId",
                StockBalance.class).setParameter("p", productId).setHint("javax.persistence.cache.retrieveMode", "BYPASS")
                .getResultList()).forEach(b -> levels.put(b.getWarehouseId(), b.getOnHand()));
        return levels;
    }

    /** On hand of a product in a warehouse as this transaction sees it (0 when nothing was booked). */
    static BigDecimal onHand(EntityManager em, String productId, String warehouseId) {
        try {
            Balances.After b = Balances.read(Balances.connection(em), productId, warehouseId);
            return b == null ? BigDecimal.ZERO : b.onHand();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the stock of " + productId + " failed", e);
        }
    }
}
