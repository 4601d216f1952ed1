package org.atriumcrm.purchasing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A supplier: its code, contact, payment terms and currency. */
@Entity(name = "Vendor")
@Table(name = "ATRIUM_VENDOR")
public class Vendor extends BaseRecord {
    @Column(name = "CODE", length = 30)
    private String code;
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "EMAIL", length = 254)
    private String email;
    @Column(name = "PHONE", length = 40)
    private String phone;
    @Column(name = "ADDRESS", length = 1000)
    private String address;
    @Column(name = "PAYMENT_TERM_DAYS")
    private Long paymentTermDays;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "ACTIVE")
    private Boolean active;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Long getPaymentTermDays() {
        return paymentTermDays;
    }

    public void setPaymentTermDays(Long paymentTermDays) {
        this.paymentTermDays = paymentTermDays;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }
}
