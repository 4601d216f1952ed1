package org.atriumcrm.customers.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/**
 * An organisation the company does business with (客户): customer, reseller, partner, competitor, prospect.
 *
 * <p>{@code IX_ACCOUNT_INDUSTRY_NEWEST} serves the list page "industry = X, newest first" when the database answers
 * it: its order is the page's order ({@code CREATED_AT DESC, ID DESC} — the store breaks ties by the id, newest
 * first; Derby scans indexes forwards only, so the direction is in the index), and it carries {@code DELETED_AT}
 * and {@code OWNER_ID} so that the live/visibility predicates are answered from the index alone.
 * {@code IX_ACCOUNT_NEWEST} does the same for the unfiltered "newest first" page and the exports.
 */
@Entity(name = "Account")
@Table(name = "ATRIUM_ACCOUNT", indexes = {
        @Index(name = "IX_ACCOUNT_NAME", columnList = "NAME"),
        @Index(name = "IX_ACCOUNT_CREATED", columnList = "CREATED_AT"),
        @Index(name = "IX_ACCOUNT_INDUSTRY_NEWEST", columnList = "INDUSTRY, CREATED_AT DESC, ID DESC, DELETED_AT, OWNER_ID"),
        @Index(name = "IX_ACCOUNT_NEWEST", columnList = "CREATED_AT DESC, ID DESC, DELETED_AT, OWNER_ID"),
        @Index(name = "IX_ACCOUNT_PARENT", columnList = "PARENT_ACCOUNT_ID"),
        @Index(name = "IX_ACCOUNT_NAME_KEY", columnList = "NAME_KEY")})
public class Account extends BaseRecord {
    /** {@code name} as duplicate checks and imports compare it: trimmed, lower-case (Derby cannot index LOWER(NAME)). */
    @Column(name = "NAME_KEY", length = 200)
    private String nameKey;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;
    @Column(name = "TYPE", length = 40)
    private String type;
    @Column(name = "INDUSTRY", length = 40)
    private String industry;
    @Column(name = "RATING", length = 20)
    private String rating;
    /** The customer tier and sales channel that price books are chosen by (pricing module). */
    @Column(name = "CUSTOMER_TIER", length = 20)
    private String customerTier;
    @Column(name = "SALES_CHANNEL", length = 20)
    private String salesChannel;
    @Column(name = "SOURCE", length = 40)
    private String source;
    @Column(name = "WEBSITE", length = 1000)
    private String website;
    @Column(name = "PHONE", length = 40)
    private String phone;
    @Column(name = "FAX", length = 40)
    private String fax;
    @Column(name = "EMAIL", length = 255)
    private String email;
    @Column(name = "ANNUAL_REVENUE", precision = 19, scale = 4)
    private BigDecimal annualRevenue;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "EMPLOYEES")
    private Long employees;
    @Column(name = "PARENT_ACCOUNT_ID", length = 36)
    private String parentAccountId;
    @Column(name = "BILLING_COUNTRY", length = 100)
    private String billingCountry;
    @Column(name = "BILLING_PROVINCE", length = 100)
    private String billingProvince;
    @Column(name = "BILLING_CITY", length = 100)
    private String billingCity;
    @Column(name = "BILLING_DISTRICT", length = 100)
    private String billingDistrict;
    @Column(name = "BILLING_STREET", length = 500)
    private String billingStreet;
    @Column(name = "BILLING_POSTCODE", length = 20)
    private String billingPostcode;
    @Column(name = "SHIPPING_COUNTRY", length = 100)
    private String shippingCountry;
    @Column(name = "SHIPPING_PROVINCE", length = 100)
    private String shippingProvince;
    @Column(name = "SHIPPING_CITY", length = 100)
    private String shippingCity;
    @Column(name = "SHIPPING_DISTRICT", length = 100)
    private String shippingDistrict;
    @Column(name = "SHIPPING_STREET", length = 500)
    private String shippingStreet;
    @Column(name = "SHIPPING_POSTCODE", length = 20)
    private String shippingPostcode;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getRating() {
        return rating;
    }

    public void setRating(String rating) {
        this.rating = rating;
    }

    public String getCustomerTier() {
        return customerTier;
    }

    public void setCustomerTier(String customerTier) {
        this.customerTier = customerTier;
    }

    public String getSalesChannel() {
        return salesChannel;
    }

    public void setSalesChannel(String salesChannel) {
        this.salesChannel = salesChannel;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getFax() {
        return fax;
    }

    public void setFax(String fax) {
        this.fax = fax;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public BigDecimal getAnnualRevenue() {
        return annualRevenue;
    }

    public void setAnnualRevenue(BigDecimal annualRevenue) {
        this.annualRevenue = annualRevenue;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Long getEmployees() {
        return employees;
    }

    public void setEmployees(Long employees) {
        this.employees = employees;
    }

    public String getParentAccountId() {
        return parentAccountId;
    }

    public void setParentAccountId(String parentAccountId) {
        this.parentAccountId = parentAccountId;
    }

    public String getBillingCountry() {
        return billingCountry;
    }

    public void setBillingCountry(String billingCountry) {
        this.billingCountry = billingCountry;
    }

    public String getBillingProvince() {
        return billingProvince;
    }

    public void setBillingProvince(String billingProvince) {
        this.billingProvince = billingProvince;
    }

    public String getBillingCity() {
        return billingCity;
    }

    public void setBillingCity(String billingCity) {
        this.billingCity = billingCity;
    }

    public String getBillingDistrict() {
        return billingDistrict;
    }

    public void setBillingDistrict(String billingDistrict) {
        this.billingDistrict = billingDistrict;
    }

    public String getBillingStreet() {
        return billingStreet;
    }

    public void setBillingStreet(String billingStreet) {
        this.billingStreet = billingStreet;
    }

    public String getBillingPostcode() {
        return billingPostcode;
    }

    public void setBillingPostcode(String billingPostcode) {
        this.billingPostcode = billingPostcode;
    }

    public String getShippingCountry() {
        return shippingCountry;
    }

    public void setShippingCountry(String shippingCountry) {
        this.shippingCountry = shippingCountry;
    }

    public String getShippingProvince() {
        return shippingProvince;
    }

    public void setShippingProvince(String shippingProvince) {
        this.shippingProvince = shippingProvince;
    }

    public String getShippingCity() {
        return shippingCity;
    }

    public void setShippingCity(String shippingCity) {
        this.shippingCity = shippingCity;
    }

    public String getShippingDistrict() {
        return shippingDistrict;
    }

    public void setShippingDistrict(String shippingDistrict) {
        this.shippingDistrict = shippingDistrict;
    }

    public String getShippingStreet() {
        return shippingStreet;
    }

    public void setShippingStreet(String shippingStreet) {
        this.shippingStreet = shippingStreet;
    }

    public String getShippingPostcode() {
        return shippingPostcode;
    }

    public void setShippingPostcode(String shippingPostcode) {
        this.shippingPostcode = shippingPostcode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }


    /** Keeps the match keys current (see {@code FieldDef.matchAttribute}). */
    @Override
    public void beforeSave() {
        nameKey = (String) org.atriumcrm.api.meta.FieldDef.matchValue(org.atriumcrm.api.meta.FieldType.STRING, name);
    }
}
