package org.atriumcrm.shop.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.integration.api.outbox.OutboxEntry;

/**
 * A product whose stock level and price a shop connector must be told: an outbox entry of the platform's outbox
 * (attempts, back-off, dead letters). It carries no values: the push reads the product's current level and price
 * when it is sent, so a burst of stock movements becomes one push with the last level, and no movement is lost.
 */
@Entity(name = "ShopPush")
@Table(name = "ATRIUM_SHOP_PUSH", indexes = {
        @Index(name = "IX_SHOP_PUSH_DUE", columnList = "CONNECTOR_ID,STATUS,NEXT_ATTEMPT_AT"),
        @Index(name = "IX_SHOP_PUSH_PRODUCT", columnList = "CONNECTOR_ID,PRODUCT_ID,STATUS")})
public class ShopPush extends OutboxEntry {
    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "PRODUCT_ID", length = 36)
    private String productId;

    public String getConnectorId() { return connectorId; }
    void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getProductId() { return productId; }
    void setProductId(String productId) { this.productId = productId; }
}
