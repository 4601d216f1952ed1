package org.atriumcrm.orders.internal;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.Catalog;
import org.osgi.service.event.EventAdmin;

/** The orders module's stores for the invoicing tests: orders made and confirmed as the orders module does. */
public final class OrdersFixture {
    private final SalesOrderStore orders;
    private final SalesOrderLineStore lines;
    public final FulfilmentService fulfilment;

    public OrdersFixture(JpaTemplate jpa, EventAdmin events, Catalog catalog, AtomicInteger numbers) {
        OrdersSettings block = new OrdersSettings() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OrdersSettings.class;
            }

            @Override
            public String creditAction() {
                return "block";
            }
        };
        Approvals approvals = new Approvals() {
            @Override
            public Route route(Subject subject) {
                return new Route(false, null, null, "none");
            }

            @Override
            public boolean mayDecide(String userId, String approverId) {
                return false;
            }
        };
        RecordStores stores = new RecordStores() {
            @Override
            public Optional<RecordStore<?>> byName(String entityName) {
                return Optional.empty();
            }

            @Override
            public Optional<RecordStore<?>> byPlural(String plural) {
                return Optional.empty();
            }

            @Override
            public java.util.Collection<RecordStore<?>> all() {
                return List.of();
            }

            @Override
            public Subscription onAdded(java.util.function.Consumer<RecordStore<?>> added) {
                return () -> { };
            }
        };
        EntityAccess all = new EntityAccess() {
            @Override
            public Set<Right> rights() {
                return Set.of(Right.values());
            }

            @Override
            public Map<String, FieldAccess> restrictedFields() {
                return Map.of();
            }

            @Override
            public Visibility read() {
                return Visibility.ALL;
            }

            @Override
            public Visibility write() {
                return Visibility.ALL;
            }
        };
        AccessPolicy access = new AccessPolicy() {
            @Override
            public EntityAccess access(Caller caller, EntityType<?> type) {
                return all;
            }

            @Override
            public <T extends Record> RecordStore<T> secure(RecordStore<T> store, Caller caller) {
                return store;
            }
        };
        orders = new SalesOrderStore(jpa, events, s -> s + "-2026-" + String.format("%06d", numbers.incrementAndGet()), approvals, stores,
                new CreditSettings(block), null);
        orders.setCatalog(catalog);
        lines = new SalesOrderLineStore(jpa, events, access, orders, catalog, null);
        fulfilment = new FulfilmentService(jpa, orders, null);
    }

    /** A confirmed order of {@code account}: product id → quantity, in that order; extra order fields in {@code values}. */
    public String confirmed(String account, Map<String, String> productQuantities, Map<String, Object> values, Caller caller) {
        Map<String, Object> v = new HashMap<>(values);
        v.put("accountId", account);
        String o = orders.create(v, caller).getId();
        for (Map.Entry<String, String> e : productQuantities.entrySet()) {
            lines.create(Map.of("salesOrderId", o, "productId", e.getKey(), "quantity", new BigDecimal(e.getValue())), caller);
        }
        orders.confirm(o, caller);
        return o;
    }

    public String status(String orderId) {
        return orders.find(orderId).orElseThrow().getStatus();
    }

    public LocalDate nextInvoiceDate(String orderId) {
        return orders.find(orderId).orElseThrow().getNextInvoiceDate();
    }

    public BigDecimal invoicedAmount(String orderId) {
        return orders.find(orderId).orElseThrow().getInvoicedAmount();
    }
}
