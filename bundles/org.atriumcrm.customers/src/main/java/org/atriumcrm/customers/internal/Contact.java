package org.atriumcrm.customers.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A person at an account (联系人). */
@Entity(name = "Contact")
@Table(name = "ATRIUM_CONTACT", indexes = {
        @Index(name = "IX_CONTACT_NAME", columnList = "FULL_NAME"),
        @Index(name = "IX_CONTACT_CREATED", columnList = "CREATED_AT"),
        // the default order (newest first) read from the index: lists and exports of any size stream without a sort
        @Index(name = "IX_CONTACT_NEWEST", columnList = "CREATED_AT DESC, ID DESC, DELETED_AT, OWNER_ID"),
        @Index(name = "IX_CONTACT_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_CONTACT_EMAIL", columnList = "EMAIL"),
        @Index(name = "IX_CONTACT_MOBILE", columnList = "MOBILE"),
        @Index(name = "IX_CONTACT_EMAIL_KEY", columnList = "EMAIL_KEY"),
        @Index(name = "IX_CONTACT_MOBILE_KEY", columnList = "MOBILE_KEY")})
public class Contact extends BaseRecord {
    /** {@code email} and {@code mobile} as duplicate checks and imports compare them (indexed; see FieldDef.matchValue). */
    @Column(name = "EMAIL_KEY", length = 255)
    private String emailKey;
    @Column(name = "MOBILE_KEY", length = 40)
    private String mobileKey;

    @Column(name = "SALUTATION", length = 20)
    private String salutation;
    @Column(name = "LAST_NAME", length = 100, nullable = false)
    private String lastName;
    @Column(name = "FIRST_NAME", length = 100)
    private String firstName;
    @Column(name = "FULL_NAME", length = 201)
    private String fullName;
    @Column(name = "TITLE", length = 100)
    private String title;
    @Column(name = "DEPARTMENT", length = 100)
    private String department;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "REPORTS_TO_ID", length = 36)
    private String reportsToId;
    @Column(name = "EMAIL", length = 255)
    private String email;
    @Column(name = "MOBILE", length = 40)
    private String mobile;
    @Column(name = "OFFICE_PHONE", length = 40)
    private String officePhone;
    @Column(name = "BIRTHDAY")
    private LocalDate birthday;
    @Column(name = "MAILING_COUNTRY", length = 100)
    private String mailingCountry;
    @Column(name = "MAILING_PROVINCE", length = 100)
    private String mailingProvince;
    @Column(name = "MAILING_CITY", length = 100)
    private String mailingCity;
    @Column(name = "MAILING_DISTRICT", length = 100)
    private String mailingDistrict;
    @Column(name = "MAILING_STREET", length = 500)
    private String mailingStreet;
    @Column(name = "MAILING_POSTCODE", length = 20)
    private String mailingPostcode;
    @Column(name = "LEAD_SOURCE", length = 40)
    private String leadSource;
    @Column(name = "DO_NOT_EMAIL")
    private Boolean doNotEmail = Boolean.FALSE;
    @Column(name = "DO_NOT_CALL")
    private Boolean doNotCall = Boolean.FALSE;
    @Column(name = "DO_NOT_SMS")
    private Boolean doNotSms = Boolean.FALSE;
    @Column(name = "PORTAL_USER")
    private Boolean portalUser = Boolean.FALSE;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;

    public String getSalutation() {
        return salutation;
    }

    public void setSalutation(String salutation) {
        this.salutation = salutation;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getReportsToId() {
        return reportsToId;
    }

    public void setReportsToId(String reportsToId) {
        this.reportsToId = reportsToId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getOfficePhone() {
        return officePhone;
    }

    public void setOfficePhone(String officePhone) {
        this.officePhone = officePhone;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    public String getMailingCountry() {
        return mailingCountry;
    }

    public void setMailingCountry(String mailingCountry) {
        this.mailingCountry = mailingCountry;
    }

    public String getMailingProvince() {
        return mailingProvince;
    }

    public void setMailingProvince(String mailingProvince) {
        this.mailingProvince = mailingProvince;
    }

    public String getMailingCity() {
        return mailingCity;
    }

    public void setMailingCity(String mailingCity) {
        this.mailingCity = mailingCity;
    }

    public String getMailingDistrict() {
        return mailingDistrict;
    }

    public void setMailingDistrict(String mailingDistrict) {
        this.mailingDistrict = mailingDistrict;
    }

    public String getMailingStreet() {
        return mailingStreet;
    }

    public void setMailingStreet(String mailingStreet) {
        this.mailingStreet = mailingStreet;
    }

    public String getMailingPostcode() {
        return mailingPostcode;
    }

    public void setMailingPostcode(String mailingPostcode) {
        this.mailingPostcode = mailingPostcode;
    }

    public String getLeadSource() {
        return leadSource;
    }

    public void setLeadSource(String leadSource) {
        this.leadSource = leadSource;
    }

    public Boolean getDoNotEmail() {
        return doNotEmail;
    }

    public void setDoNotEmail(Boolean doNotEmail) {
        this.doNotEmail = doNotEmail != null && doNotEmail;
    }

    public Boolean getDoNotCall() {
        return doNotCall;
    }

    public void setDoNotCall(Boolean doNotCall) {
        this.doNotCall = doNotCall != null && doNotCall;
    }

    public Boolean getDoNotSms() {
        return doNotSms;
    }

    public void setDoNotSms(Boolean doNotSms) {
        this.doNotSms = doNotSms != null && doNotSms;
    }

    public Boolean getPortalUser() {
        return portalUser;
    }

    public void setPortalUser(Boolean portalUser) {
        this.portalUser = portalUser != null && portalUser;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }


    /** Chinese names read family name first without a space (张三); others given name first (Ada Lovelace). */
    @Override
    public void beforeSave() {
        emailKey = (String) org.atriumcrm.api.meta.FieldDef.matchValue(org.atriumcrm.api.meta.FieldType.EMAIL, email);
        mobileKey = (String) org.atriumcrm.api.meta.FieldDef.matchValue(org.atriumcrm.api.meta.FieldType.PHONE, mobile);
        fullName = fullName(lastName, firstName);
    }

    static String fullName(String last, String first) {
        return org.atriumcrm.api.meta.StandardPicklists.fullName(last, first);
    }
}
