package org.atriumcrm.sms.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** SMS: the outbox (SMPP or HTTP gateway through Camel, retries, dead letters), delivery receipts, inbound messages. */
@Component(service = ModuleDescriptor.class)
public class SmsModule implements ModuleDescriptor {

    @Override
    public String id() {
        return SmsTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("SMS", "短信");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        // leads are optional: messages link to a lead when the leads module is there
        return Set.of("core", "security", "customers");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return SmsTypes.REFS;
    }
}
