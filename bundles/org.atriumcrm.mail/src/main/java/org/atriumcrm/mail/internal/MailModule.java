package org.atriumcrm.mail.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Email: the company outbox (SMTP through Camel, retries, dead letters); the mail scanner comes next. */
@Component(service = ModuleDescriptor.class)
public class MailModule implements ModuleDescriptor {

    @Override
    public String id() {
        return MailTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Email", "邮件");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return MailTypes.REFS;
    }
}
