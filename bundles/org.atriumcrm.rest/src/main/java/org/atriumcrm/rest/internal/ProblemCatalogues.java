package org.atriumcrm.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.error.ProblemTexts;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue of problem texts: the platform's own, plus what each bundle ships at {@link ProblemTexts#CATALOGUE}
 * for the problems it raises (an extender: read when the bundle resolves, dropped when it is uninstalled or
 * refreshed), so that a module or plugin translates its own words without the REST bundle knowing them.
 */
@Component(service = ProblemTexts.class, immediate = true) // the REST answers need the catalogues whether or not anyone asks for the service
public class ProblemCatalogues implements ProblemTexts {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemCatalogues.class);

    private BundleTracker<Bundle> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                URL catalogue = bundle.getEntry(CATALOGUE);
                if (catalogue == null) {
                    return null;
                }
                try (InputStream in = catalogue.openStream()) {
                    ProblemMessages.shipped(bundle.getBundleId(), ProblemMessages.read(in));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("the problem texts of {} cannot be read: {}", bundle.getSymbolicName(), e.toString());
                    return null;
                }
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
                ProblemMessages.shipped(bundle.getBundleId(), null);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public Locale language(String languageTag) {
        return ProblemMessages.language(languageTag, java.util.List.of());
    }

    @Override
    public String detail(AtriumException problem, Locale language) {
        return Problems.detail(problem, language, field -> null);
    }

    @Override
    public String message(FieldError error, Locale language) {
        return Problems.fieldMessage(error, ProblemMessages.code(error.code(), error.message()), language);
    }
}
