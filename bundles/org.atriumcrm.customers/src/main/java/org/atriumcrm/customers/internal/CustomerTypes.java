package org.atriumcrm.customers.internal;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.StandardPicklists;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.persistence.api.BaseRecord;

/** Metadata of the Customers module's entity types, in English and Simplified Chinese. */
final class CustomerTypes {
    static final String MODULE = "customers";

    static final PicklistValue[] SOURCES = StandardPicklists.SOURCES;

    static final EntityType<Account> ACCOUNT = account();
    static final EntityType<Contact> CONTACT = contact();
    static final List<EntityType<?>> ALL = List.of(ACCOUNT, CONTACT);
    static final List<EntityRef> REFS = List.of(new EntityRef(ACCOUNT.name(), ACCOUNT.plural()),
            new EntityRef(CONTACT.name(), CONTACT.plural()));

    private CustomerTypes() {
    }

    private static EntityType<Account> account() {
        EntityType.Builder<Account> b = EntityType.builder("Account", "accounts", Account.class, Account::new)
                .module(MODULE).menuOrder(10)
                .importable()
                .label("Account", "客户")
                .pluralLabel("Accounts", "客户")
                .field(FieldDef.of("name", FieldType.STRING, Account::getName, Account::setName)
                        .label("Account name", "客户名称").required().maxLength(200).searchable().matchAttribute("nameKey"))
                .field(FieldDef.of("type", FieldType.PICKLIST, Account::getType, Account::setType)
                        .label("Type", "客户类型").picklist(
                                PicklistValue.of("customer", "Customer", "直接客户"),
                                PicklistValue.of("reseller", "Reseller / agent", "代理商"),
                                PicklistValue.of("distributor", "Distributor", "经销商"),
                                PicklistValue.of("partner", "Partner", "合作伙伴"),
                                PicklistValue.of("competitor", "Competitor", "竞争对手"),
                                PicklistValue.of("prospect", "Prospect", "潜在客户"),
                                PicklistValue.of("supplier", "Supplier", "供应商"),
                                PicklistValue.of("other", "Other", "其他")))
                .field(FieldDef.of("industry", FieldType.PICKLIST, Account::getIndustry, Account::setIndustry)
                        .label("Industry", "行业").picklist(StandardPicklists.INDUSTRIES))
                .field(FieldDef.of("rating", FieldType.PICKLIST, Account::getRating, Account::setRating)
                        .label("Rating", "客户等级").picklist(StandardPicklists.RATINGS))
                .field(FieldDef.of("source", FieldType.PICKLIST, Account::getSource, Account::setSource)
                        .label("Source", "客户来源").picklist(SOURCES))
                .field(FieldDef.of("website", FieldType.URL, Account::getWebsite, Account::setWebsite).label("Website", "网址"))
                .field(FieldDef.of("phone", FieldType.PHONE, Account::getPhone, Account::setPhone)
                        .label("Phone", "电话").maxLength(40).searchable())
                .field(FieldDef.of("fax", FieldType.PHONE, Account::getFax, Account::setFax).label("Fax", "传真").maxLength(40))
                .field(FieldDef.of("email", FieldType.EMAIL, Account::getEmail, Account::setEmail)
                        .label("Email", "邮箱").searchable())
                .field(FieldDef.of("annualRevenue", FieldType.DECIMAL, Account::getAnnualRevenue, Account::setAnnualRevenue)
                        .label("Annual revenue", "年营业额"))
                .field(FieldDef.of("currency", FieldType.STRING, Account::getCurrency, Account::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("employees", FieldType.INTEGER, Account::getEmployees, Account::setEmployees)
                        .label("Employees", "员工人数"))
                .field(FieldDef.of("parentAccountId", FieldType.REFERENCE, Account::getParentAccountId,
                        Account::setParentAccountId).label("Parent account", "上级客户").referenceTo("Account"))
                // after the fields of the default list columns, which a new field must not push out
                .field(FieldDef.of("customerTier", FieldType.PICKLIST, Account::getCustomerTier, Account::setCustomerTier)
                        .label("Customer tier (price books)", "客户级别（价格表）").picklist(StandardPicklists.CUSTOMER_TIERS))
                .field(FieldDef.of("salesChannel", FieldType.PICKLIST, Account::getSalesChannel, Account::setSalesChannel)
                        .label("Sales channel (price books)", "销售渠道（价格表）").picklist(StandardPicklists.SALES_CHANNELS));
        address(b, "billing", "Billing", "账单", Account::getBillingCountry, Account::setBillingCountry,
                Account::getBillingProvince, Account::setBillingProvince, Account::getBillingCity, Account::setBillingCity,
                Account::getBillingDistrict, Account::setBillingDistrict, Account::getBillingStreet, Account::setBillingStreet,
                Account::getBillingPostcode, Account::setBillingPostcode);
        address(b, "shipping", "Shipping", "收货", Account::getShippingCountry, Account::setShippingCountry,
                Account::getShippingProvince, Account::setShippingProvince, Account::getShippingCity, Account::setShippingCity,
                Account::getShippingDistrict, Account::setShippingDistrict, Account::getShippingStreet, Account::setShippingStreet,
                Account::getShippingPostcode, Account::setShippingPostcode);
        return b.field(FieldDef.of("description", FieldType.TEXT, Account::getDescription, Account::setDescription)
                        .label("Description", "描述").notFilterable())
                .duplicateRule("name")
                .relatedList("contacts", "Contact", "accountId", "Contacts", "联系人")
                .relatedList("member-accounts", "Account", "parentAccountId", "Member accounts", "下级客户")
                .displayName(Account::getName)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<Contact> contact() {
        EntityType.Builder<Contact> b = EntityType.builder("Contact", "contacts", Contact.class, Contact::new)
                .module(MODULE).menuOrder(20)
                .importable()
                .label("Contact", "联系人")
                .pluralLabel("Contacts", "联系人")
                .field(FieldDef.of("salutation", FieldType.PICKLIST, Contact::getSalutation, Contact::setSalutation)
                        .label("Salutation", "称呼").picklist(StandardPicklists.SALUTATIONS))
                .field(FieldDef.of("lastName", FieldType.STRING, Contact::getLastName, Contact::setLastName)
                        .label("Last name (family name)", "姓").required().maxLength(100).searchable())
                .field(FieldDef.of("firstName", FieldType.STRING, Contact::getFirstName, Contact::setFirstName)
                        .label("First name (given name)", "名").maxLength(100).searchable())
                .field(FieldDef.<Contact, String>of("fullName", FieldType.STRING, Contact::getFullName, null)
                        .label("Full name", "姓名").maxLength(201).searchable())
                .field(FieldDef.of("title", FieldType.STRING, Contact::getTitle, Contact::setTitle).label("Title", "职务").maxLength(100))
                .field(FieldDef.of("department", FieldType.STRING, Contact::getDepartment, Contact::setDepartment)
                        .label("Department", "部门").maxLength(100))
                .field(FieldDef.of("accountId", FieldType.REFERENCE, Contact::getAccountId, Contact::setAccountId)
                        .label("Account", "所属客户").referenceTo("Account"))
                .field(FieldDef.of("reportsToId", FieldType.REFERENCE, Contact::getReportsToId, Contact::setReportsToId)
                        .label("Reports to", "直属上级").referenceTo("Contact"))
                .field(FieldDef.of("email", FieldType.EMAIL, Contact::getEmail, Contact::setEmail).label("Email", "邮箱").searchable()
                        .matchAttribute("emailKey"))
                .field(FieldDef.of("mobile", FieldType.PHONE, Contact::getMobile, Contact::setMobile)
                        .label("Mobile", "手机").maxLength(40).searchable().matchAttribute("mobileKey"))
                .field(FieldDef.of("officePhone", FieldType.PHONE, Contact::getOfficePhone, Contact::setOfficePhone)
                        .label("Office phone", "办公电话").maxLength(40))
                .field(FieldDef.of("birthday", FieldType.DATE, Contact::getBirthday, Contact::setBirthday).label("Birthday", "生日"));
        address(b, "mailing", "Mailing", "通讯", Contact::getMailingCountry, Contact::setMailingCountry,
                Contact::getMailingProvince, Contact::setMailingProvince, Contact::getMailingCity, Contact::setMailingCity,
                Contact::getMailingDistrict, Contact::setMailingDistrict, Contact::getMailingStreet, Contact::setMailingStreet,
                Contact::getMailingPostcode, Contact::setMailingPostcode);
        return b.field(FieldDef.of("leadSource", FieldType.PICKLIST, Contact::getLeadSource, Contact::setLeadSource)
                        .label("Lead source", "线索来源").picklist(SOURCES))
                .field(FieldDef.of("doNotEmail", FieldType.BOOLEAN, Contact::getDoNotEmail, Contact::setDoNotEmail)
                        .label("Do not email", "拒收邮件"))
                .field(FieldDef.of("doNotCall", FieldType.BOOLEAN, Contact::getDoNotCall, Contact::setDoNotCall)
                        .label("Do not call", "拒接电话"))
                .field(FieldDef.of("doNotSms", FieldType.BOOLEAN, Contact::getDoNotSms, Contact::setDoNotSms)
                        .label("Do not SMS", "拒收短信"))
                .field(FieldDef.of("portalUser", FieldType.BOOLEAN, Contact::getPortalUser, Contact::setPortalUser)
                        .label("Portal user", "门户用户"))
                .field(FieldDef.of("description", FieldType.TEXT, Contact::getDescription, Contact::setDescription)
                        .label("Description", "描述").notFilterable())
                .duplicateRule("email")
                .duplicateRule("mobile")
                .relatedList("direct-reports", "Contact", "reportsToId", "Direct reports", "下属")
                .displayName(Contact::getFullName)
                .defaultSort("createdAt", true)
                .build();
    }

    /** The six address fields (country, province, city, district, street, postcode) under one prefix. */
    private static <T extends BaseRecord> void address(EntityType.Builder<T> b, String prefix,
            String en, String zh, Function<T, String> country, BiConsumer<T, String> setCountry,
            Function<T, String> province, BiConsumer<T, String> setProvince,
            Function<T, String> city, BiConsumer<T, String> setCity,
            Function<T, String> district, BiConsumer<T, String> setDistrict,
            Function<T, String> street, BiConsumer<T, String> setStreet,
            Function<T, String> postcode, BiConsumer<T, String> setPostcode) {
        b.field(FieldDef.of(prefix + "Country", FieldType.STRING, country, setCountry).label(en + " country", zh + "国家").maxLength(100))
                .field(FieldDef.of(prefix + "Province", FieldType.STRING, province, setProvince)
                        .label(en + " province / state", zh + "省份").maxLength(100))
                .field(FieldDef.of(prefix + "City", FieldType.STRING, city, setCity).label(en + " city", zh + "城市").maxLength(100))
                .field(FieldDef.of(prefix + "District", FieldType.STRING, district, setDistrict)
                        .label(en + " district", zh + "区县").maxLength(100))
                .field(FieldDef.of(prefix + "Street", FieldType.STRING, street, setStreet).label(en + " street", zh + "街道地址").maxLength(500))
                .field(FieldDef.of(prefix + "Postcode", FieldType.STRING, postcode, setPostcode)
                        .label(en + " postcode", zh + "邮编").maxLength(20));
    }
}
