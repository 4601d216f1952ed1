package org.atriumcrm.mail.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.persistence.api.BaseRecord;

/** A stand-in for the customers module's Contact: the fields templates and opt-outs use, under the entity name Contact. */
@Entity(name = "TestContact")
@Table(name = "TEST_CONTACT")
public class TestContact extends BaseRecord {
    static final EntityType<TestContact> TYPE = EntityType.builder("Contact", "contacts", TestContact.class, TestContact::new).module("customers")
            .field(FieldDef.of("lastName", FieldType.STRING, TestContact::getLastName, TestContact::setLastName))
            .field(FieldDef.of("firstName", FieldType.STRING, TestContact::getFirstName, TestContact::setFirstName))
            .field(FieldDef.of("email", FieldType.EMAIL, TestContact::getEmail, TestContact::setEmail))
            .field(FieldDef.of("doNotEmail", FieldType.BOOLEAN, TestContact::getDoNotEmail, TestContact::setDoNotEmail))
            .build();

    @Column(name = "LAST_NAME")
    private String lastName;
    @Column(name = "FIRST_NAME")
    private String firstName;
    @Column(name = "EMAIL")
    private String email;
    @Column(name = "DO_NOT_EMAIL")
    private Boolean doNotEmail;

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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Boolean getDoNotEmail() {
        return doNotEmail;
    }

    public void setDoNotEmail(Boolean doNotEmail) {
        this.doNotEmail = doNotEmail;
    }
}
