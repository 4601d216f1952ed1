package org.atriumcrm.orders.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** ConfigAdmin PID {@code org.atriumcrm.orders}. */
@ObjectClassDefinition(name = "Atrium sales orders", description = "What the credit check does with an order it does not pass")
public @interface OrdersSettings {

    @AttributeDefinition(name = "Credit action", description = "block: the confirmation is refused (409 with the figures); approval:"
            + " the order is held and the approver found by the approval rules (or an administrator) confirms or rejects it",
            options = {@Option(value = "block", label = "Block"), @Option(value = "approval", label = "Send to approval")})
    String creditAction() default "block";
}
