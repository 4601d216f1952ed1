package org.atriumcrm.pricing.internal;

import java.time.LocalDate;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * A price book (价格表): prices in one currency, valid from/to a date (both inclusive, open when empty), for the
 * customers it applies to — one account, the accounts of a partner, a tier/region/channel segment, or everybody when
 * it names none of these — and a priority that decides between equally specific books.
 */
@Entity(name = "PriceBook")
@Cacheable(false)
@Table(name = "ATRIUM_PRICE_BOOK")
public class PriceBook extends BaseRecord {
    @Column(name = "NAME", length = 200, nullable = false)
    private String name;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "VALID_FROM")
    private LocalDate validFrom;
    @Column(name = "VALID_TO")
    private LocalDate validTo;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "CUSTOMER_TIER", length = 20)
    private String customerTier;
    @Column(name = "PROVINCE", length = 40)
    private String province;
    @Column(name = "CITY", length = 100)
    private String city;
    @Column(name = "CHANNEL", length = 20)
    private String channel;
    @Column(name = "PARTNER_ACCOUNT_ID", length = 36)
    private String partnerAccountId;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "PRIORITY")
    private Long priority;
    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Override
    public void beforeSave() {
        if (currency == null) {
            currency = "CNY";
        }
        if (active == null) {
            active = true;
        }
        if (priority == null) {
            priority = 0L;
        }
        if (city != null && city.isBlank()) {
            city = null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getCustomerTier() {
        return customerTier;
    }

    public void setCustomerTier(String customerTier) {
        this.customerTier = customerTier;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getPartnerAccountId() {
        return partnerAccountId;
    }

    public void setPartnerAccountId(String partnerAccountId) {
        this.partnerAccountId = partnerAccountId;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public Long getPriority() {
        return priority;
    }

    public void setPriority(Long priority) {
        this.priority = priority;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
