package org.atriumcrm.printing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Our company's letterhead on printed documents: PID {@code org.atriumcrm.printing} ({@code etc/org.atriumcrm.printing.cfg}). */
@ObjectClassDefinition(name = "Atrium printing: letterhead", description = "Company name, address, phone, tax number and logo printed on documents")
public @interface LetterheadSettings {
    @AttributeDefinition(name = "Company name")
    String companyName() default "";

    @AttributeDefinition(name = "Address")
    String companyAddress() default "";

    @AttributeDefinition(name = "Phone")
    String companyPhone() default "";

    @AttributeDefinition(name = "Email")
    String companyEmail() default "";

    @AttributeDefinition(name = "Tax number", description = "统一社会信用代码 / VAT number")
    String companyTaxNumber() default "";

    @AttributeDefinition(name = "Logo file", description = "A PNG or JPEG file; a relative path is under Karaf's etc/ folder")
    String logoFile() default "";
}
