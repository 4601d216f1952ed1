package org.atriumcrm.shop.internal;

import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/**
 * One webhook delivery a shop made, as it arrived (topic, the shop's delivery key, the raw body) and what became of
 * it: received, then processed into a sales order, held (an unknown SKU, a product without a price), ignored (a topic
 * that asks nothing of the CRM) or failed (a body the shop should never have sent). Kept so that nothing a shop sent
 * is lost, and a held one can be retried once the catalog knows the SKU. The processing outcome is bookkeeping,
 * written without a new version.
 */
@Entity(name = "ShopDelivery")
@Table(name = "ATRIUM_SHOP_DELIVERY", indexes = {
        @Index(name = "IX_SHOP_DELIVERY_PENDING", columnList = "CONNECTOR_ID,STATUS,CREATED_AT"),
        @Index(name = "IX_SHOP_DELIVERY_ORDER", columnList = "CONNECTOR_ID,EXTERNAL_ORDER_ID"),
        @Index(name = "IX_SHOP_DELIVERY_CREATED", columnList = "CREATED_AT")})
public class ShopDelivery extends BaseRecord {
    static final String RECEIVED = "received";
    static final String PROCESSED = "processed";
    static final String HELD = "held";
    static final String IGNORED = "ignored";
    static final String FAILED = "failed";

    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "PLATFORM", length = 20)
    private String platform;
    @Column(name = "TOPIC", length = 80)
    private String topic;
    @Column(name = "DELIVERY_KEY", length = 200)
    private String deliveryKey;
    @Column(name = "EXTERNAL_ORDER_ID", length = 100)
    private String externalOrderId;
    @Column(name = "STATUS", length = 12)
    private String status;
    @Column(name = "SALES_ORDER_ID", length = 36)
    private String salesOrderId;
    @Column(name = "ATTEMPTS")
    private Long attempts;
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;
    @Convert(converter = InstantConverter.class)
    @Column(name = "PROCESSED_AT")
    private Instant processedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "PAYLOAD")
    private String payload;

    public String getConnectorId() { return connectorId; }
    void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getPlatform() { return platform; }
    void setPlatform(String platform) { this.platform = platform; }
    public String getTopic() { return topic; }
    void setTopic(String topic) { this.topic = topic; }
    public String getDeliveryKey() { return deliveryKey; }
    void setDeliveryKey(String deliveryKey) { this.deliveryKey = deliveryKey; }
    public String getExternalOrderId() { return externalOrderId; }
    void setExternalOrderId(String externalOrderId) { this.externalOrderId = externalOrderId; }
    public String getStatus() { return status; }
    void setStatus(String status) { this.status = status; }
    public String getSalesOrderId() { return salesOrderId; }
    public Long getAttempts() { return attempts; }
    void setAttempts(Long attempts) { this.attempts = attempts; }
    public String getLastError() { return lastError; }
    public Instant getProcessedAt() { return processedAt; }
    public String getPayload() { return payload; }
    void setPayload(String payload) { this.payload = payload; }
}
