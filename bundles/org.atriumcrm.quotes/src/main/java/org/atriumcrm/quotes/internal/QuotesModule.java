package org.atriumcrm.quotes.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Quotes: priced lines with server-computed totals, approval through the role tree, revisions, conversion. */
@Component(service = ModuleDescriptor.class)
public class QuotesModule implements ModuleDescriptor {

    @Override
    public String id() {
        return QuoteTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Quotes", "报价单");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers", "commerce");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return QuoteTypes.REFS;
    }
}
