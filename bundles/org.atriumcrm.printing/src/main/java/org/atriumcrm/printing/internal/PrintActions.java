package org.atriumcrm.printing.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.commerce.api.DocumentSource;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordView;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Contributes {@code print}, {@code send-document} and {@code documents} to every entity a module registers a
 * {@link DocumentSource} for, while both that module and printing are enabled: the actions are written once here,
 * and a new document module only registers its source.
 */
@Component(immediate = true)
public class PrintActions {
    private final RecordPrinting printing;
    private final PrintedDocumentStore documents;
    private final Map<DocumentSource, List<ServiceRegistration<?>>> registered = new HashMap<>();
    private final BundleContext context;
    private boolean active = true;

    @Activate
    public PrintActions(BundleContext context, @Reference RecordPrinting printing, @Reference PrintedDocumentStore documents,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.context = context;
        this.printing = printing;
        this.documents = documents;
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        registered.values().forEach(l -> l.forEach(PrintActions::unregister));
        registered.clear();
    }

    // dynamic: a document module switched on or off changes these three services only, never this component
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addSource(DocumentSource source) {
        if (active) {
            register(source);
        }
    }

    synchronized void removeSource(DocumentSource source) {
        List<ServiceRegistration<?>> regs = registered.remove(source);
        if (regs != null) {
            regs.forEach(PrintActions::unregister);
        }
    }

    private void register(DocumentSource source) {
        String entity = source.entity();
        List<ServiceRegistration<?>> regs = new ArrayList<>();
        regs.add(context.registerService(RecordAction.class, new PrintAction(printing, source), action(entity, PrintAction.NAME, PrintAction.SUMMARY)));
        regs.add(context.registerService(RecordAction.class, new SendDocumentAction(printing, source),
                action(entity, SendDocumentAction.NAME, SendDocumentAction.SUMMARY)));
        Dictionary<String, Object> view = new Hashtable<>();
        view.put(RecordView.ENTITY_PROPERTY, entity);
        view.put(RecordView.VIEW_PROPERTY, PrintedDocumentsView.NAME);
        view.put(RecordView.SUMMARY_PROPERTY, PrintedDocumentsView.SUMMARY);
        regs.add(context.registerService(RecordView.class, new PrintedDocumentsView(documents), view));
        registered.put(source, regs);
    }

    private static Dictionary<String, Object> action(String entity, String name, String summary) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(RecordAction.ENTITY_PROPERTY, entity);
        p.put(RecordAction.ACTION_PROPERTY, name);
        p.put(RecordAction.SUMMARY_PROPERTY, summary);
        return p;
    }

    private static void unregister(ServiceRegistration<?> reg) {
        try {
            reg.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework took it down already
        }
    }
}
