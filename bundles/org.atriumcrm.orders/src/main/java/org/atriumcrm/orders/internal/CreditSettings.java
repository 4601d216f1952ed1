package org.atriumcrm.orders.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The orders' configuration from ConfigAdmin; a change applies to the next confirmation. */
@Component(service = CreditSettings.class, configurationPid = "org.atriumcrm.orders")
@Designate(ocd = OrdersSettings.class)
public class CreditSettings {
    private volatile boolean approval;

    @Activate
    public CreditSettings(OrdersSettings settings) {
        configure(settings);
    }

    @Modified
    void configure(OrdersSettings settings) {
        approval = "approval".equalsIgnoreCase(settings.creditAction() == null ? "" : settings.creditAction().strip());
    }

    /** True when an order over its credit goes to approval instead of being refused. */
    boolean approval() {
        return approval;
    }
}
