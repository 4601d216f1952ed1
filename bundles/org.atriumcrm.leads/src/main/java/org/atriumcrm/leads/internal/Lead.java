package org.atriumcrm.leads.internal;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A prospective customer not yet qualified (潜在客户): a person, a company, or both. */
@Entity(name = "Lead")
@Table(name = "ATRIUM_LEAD", indexes = {
        @Index(name = "IX_LEAD_CREATED", columnList = "CREATED_AT"),
        // the default order (newest first) read from the index: lists and exports of any size stream without a sort
        @Index(name = "IX_LEAD_NEWEST", columnList = "CREATED_AT DESC, ID DESC, DELETED_AT, OWNER_ID"),
        @Index(name = "IX_LEAD_EMAIL", columnList = "EMAIL"),
        @Index(name = "IX_LEAD_MOBILE", columnList = "MOBILE"),
        @Index(name = "IX_LEAD_COMPANY", columnList = "COMPANY"),
        @Index(name = "IX_LEAD_STATUS", columnList = "STATUS"),
        @Index(name = "IX_LEAD_EMAIL_KEY", columnList = "EMAIL_KEY"),
        @Index(name = "IX_LEAD_MOBILE_KEY", columnList = "MOBILE_KEY")})
public class Lead extends BaseRecord {
    /** {@code email} and {@code mobile} as duplicate checks and imports compare them (indexed; see FieldDef.matchValue). */
    @Column(name = "EMAIL_KEY", length = 255)
    private String emailKey;
    @Column(name = "MOBILE_KEY", length = 40)
    private String mobileKey;

    @Column(name = "SALUTATION", length = 20)
    private String salutation;
    @Column(name = "LAST_NAME", length = 100)
    private String lastName;
    @Column(name = "FIRST_NAME", length = 100)
    private String firstName;
    @Column(name = "FULL_NAME", length = 201)
    private String fullName;
    @Column(name = "TITLE", length = 100)
    private String title;
    @Column(name = "COMPANY", length = 200)
    private String company;
    @Column(name = "INDUSTRY", length = 40)
    private String industry;
    @Column(name = "SOURCE", length = 40)
    private String source;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "RATING", length = 20)
    private String rating;
    @Column(name = "EMAIL", length = 255)
    private String email;
    @Column(name = "MOBILE", length = 40)
    private String mobile;
    @Column(name = "PHONE", length = 40)
    private String phone;
    @Column(name = "WEBSITE", length = 1000)
    private String website;
    @Column(name = "COUNTRY", length = 100)
    private String country;
    @Column(name = "PROVINCE", length = 100)
    private String province;
    @Column(name = "CITY", length = 100)
    private String city;
    @Column(name = "DISTRICT", length = 100)
    private String district;
    @Column(name = "STREET", length = 500)
    private String street;
    @Column(name = "POSTCODE", length = 20)
    private String postcode;
    @Column(name = "REGION", length = 100)
    private String region;
    @Column(name = "CHANNEL", length = 100)
    private String channel;
    @Column(name = "EXPECTED_REVENUE", precision = 19, scale = 4)
    private BigDecimal expectedRevenue;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;
    @Column(name = "CAMPAIGN_ID", length = 36)
    private String campaignId;
    @Column(name = "WEB_FORM_ID", length = 36)
    private String webFormId;
    @Column(name = "ASSIGNMENT_RULE_ID", length = 36)
    private String assignmentRuleId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CONVERTED_AT")
    private Instant convertedAt;
    @Column(name = "CONVERTED_ACCOUNT_ID", length = 36)
    private String convertedAccountId;
    @Column(name = "CONVERTED_CONTACT_ID", length = 36)
    private String convertedContactId;
    @Column(name = "CONVERTED_OPPORTUNITY_ID", length = 36)
    private String convertedOpportunityId;
    @Column(name = "DO_NOT_EMAIL")
    private Boolean doNotEmail = Boolean.FALSE;

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

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRating() {
        return rating;
    }

    public void setRating(String rating) {
        this.rating = rating;
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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
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

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public BigDecimal getExpectedRevenue() {
        return expectedRevenue;
    }

    public void setExpectedRevenue(BigDecimal expectedRevenue) {
        this.expectedRevenue = expectedRevenue;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }

    public String getWebFormId() {
        return webFormId;
    }

    public void setWebFormId(String webFormId) {
        this.webFormId = webFormId;
    }

    public String getAssignmentRuleId() {
        return assignmentRuleId;
    }

    public void setAssignmentRuleId(String assignmentRuleId) {
        this.assignmentRuleId = assignmentRuleId;
    }

    public Instant getConvertedAt() {
        return convertedAt;
    }

    public void setConvertedAt(Instant convertedAt) {
        this.convertedAt = convertedAt;
    }

    public String getConvertedAccountId() {
        return convertedAccountId;
    }

    public void setConvertedAccountId(String convertedAccountId) {
        this.convertedAccountId = convertedAccountId;
    }

    public String getConvertedContactId() {
        return convertedContactId;
    }

    public void setConvertedContactId(String convertedContactId) {
        this.convertedContactId = convertedContactId;
    }

    public String getConvertedOpportunityId() {
        return convertedOpportunityId;
    }

    public void setConvertedOpportunityId(String convertedOpportunityId) {
        this.convertedOpportunityId = convertedOpportunityId;
    }
    static final String NEW = "new";
    static final String CONVERTED = "converted";
    static final String UNQUALIFIED = "unqualified";

    boolean isConverted() {
        return CONVERTED.equals(status);
    }

    /** A lead needs a person's name or a company; its full name follows the Chinese or Western order. */
    @Override
    public void beforeSave() {
        emailKey = (String) org.atriumcrm.api.meta.FieldDef.matchValue(org.atriumcrm.api.meta.FieldType.EMAIL, email);
        mobileKey = (String) org.atriumcrm.api.meta.FieldDef.matchValue(org.atriumcrm.api.meta.FieldType.PHONE, mobile);
        if ((lastName == null || lastName.isBlank()) && (company == null || company.isBlank())) {
            throw org.atriumcrm.api.error.AtriumException.invalidField("lastName", "a lead needs a last name or a company");
        }
        if (status == null) {
            status = NEW;
        }
        fullName = org.atriumcrm.api.meta.StandardPicklists.fullName(lastName, firstName);
    }

    public Boolean getDoNotEmail() {
        return doNotEmail;
    }

    public void setDoNotEmail(Boolean doNotEmail) {
        this.doNotEmail = doNotEmail != null && doNotEmail;
    }
}
