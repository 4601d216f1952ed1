package org.atriumcrm.orders.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * The claim of an outside order (source and its id there) by the sales order made for it, written in the order's
 * transaction: its primary key decides when two takers race, as a unique key over the orders' own columns could not
 * (most orders have none, and a unique index counts NULLs as equal on Derby).
 */
@Entity(name = "ExternalOrderKey")
@Table(name = "ATRIUM_EXTERNAL_ORDER_KEY")
public class ExternalOrderKey {
    @Id
    @Column(name = "ID", length = 200)
    private String id;
    @Column(name = "SALES_ORDER_ID", length = 36, nullable = false)
    private String salesOrderId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT")
    private Instant createdAt;

    protected ExternalOrderKey() {
    }

    ExternalOrderKey(String source, String externalId, String salesOrderId, Instant createdAt) {
        this.id = of(source, externalId);
        this.salesOrderId = salesOrderId;
        this.createdAt = createdAt;
    }

    static String of(String source, String externalId) {
        return source + "/" + externalId;
    }

    String getSalesOrderId() {
        return salesOrderId;
    }
}
