package org.atriumcrm.orders.internal;

import java.util.Optional;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.orders.api.ExternalOrders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Orders from shops and ERPs, made once per source and external id (see {@link SalesOrderStore#placeExternal}). */
@Component(service = ExternalOrders.class)
public class ExternalOrdersService implements ExternalOrders {
    private final SalesOrderStore orders;

    @Activate
    public ExternalOrdersService(@Reference SalesOrderStore orders,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")") ModuleGate gate) {
        this.orders = orders;
    }

    @Override
    public Placed place(Order order, Caller caller) {
        return orders.placeExternal(order, caller);
    }

    @Override
    public Optional<Placed> find(String source, String externalId) {
        return orders.byExternal(source, externalId).map(o -> new Placed(o.getId(), o.getNumber(), o.getStatus(), false));
    }

    @Override
    public boolean cancel(String source, String externalId, String reason, Caller caller) {
        return orders.cancelExternal(source, externalId, reason, caller);
    }
}
