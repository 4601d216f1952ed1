package org.atriumcrm.sms.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.persistence.api.BaseRecord;

/**
 * A contact as the SMS module sees one through the customers module's metadata — a mobile typed any way, the
 * do-not-SMS flag, the account — in a store of its own, because Contact belongs to another bundle.
 */
@Entity(name = "Person")
@Table(name = "ATRIUM_TEST_PERSON")
public class Person extends BaseRecord {
    static final EntityType<Person> TYPE = EntityType.builder("Contact", "contacts", Person.class, Person::new)
            .module("customers")
            .label("Contact", "联系人")
            .pluralLabel("Contacts", "联系人")
            .field(FieldDef.of("lastName", FieldType.STRING, Person::getLastName, Person::setLastName).label("Last name", "姓"))
            .field(FieldDef.of("mobile", FieldType.PHONE, Person::getMobile, Person::setMobile).label("Mobile", "手机"))
            .field(FieldDef.of("doNotSms", FieldType.BOOLEAN, Person::getDoNotSms, Person::setDoNotSms).label("Do not SMS", "拒收短信"))
            .field(FieldDef.of("accountId", FieldType.ID, Person::getAccountId, Person::setAccountId).label("Account", "客户"))
            .displayName(Person::getLastName)
            .build();

    @Column(name = "LAST_NAME", length = 100)
    private String lastName;
    @Column(name = "MOBILE", length = 40)
    private String mobile;
    @Column(name = "DO_NOT_SMS")
    private Boolean doNotSms = Boolean.FALSE;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public Boolean getDoNotSms() {
        return doNotSms;
    }

    public void setDoNotSms(Boolean doNotSms) {
        this.doNotSms = doNotSms != null && doNotSms;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }
}
