package org.atriumcrm.customers.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ContactTest {

    @Test
    public void chineseNamesPutTheFamilyNameFirstWithoutSpace() {
        assertEquals("张三", Contact.fullName("张", "三"));
        assertEquals("欧阳娜娜", Contact.fullName("欧阳", "娜娜"));
        assertEquals("Ada Lovelace", Contact.fullName("Lovelace", "Ada"));
        assertEquals("Lovelace", Contact.fullName("Lovelace", null));
        assertEquals("王Wei", Contact.fullName("王", "Wei"));
    }

    @Test
    public void fullNameIsDerivedBeforeSave() {
        Contact c = new Contact();
        c.setLastName("李");
        c.setFirstName("小龙");
        c.beforeSave();
        assertEquals("李小龙", c.getFullName());
    }

    @Test
    public void metadataIsConsistent() {
        assertEquals("Account", CustomerTypes.ACCOUNT.field("parentAccountId").orElseThrow().referenceTo());
        assertEquals(2, CustomerTypes.CONTACT.duplicateRules().size());
        assertEquals("contacts", CustomerTypes.ACCOUNT.relatedLists().get(0).name());
    }
}
