package org.atriumcrm.rest.internal;

import javax.ws.rs.core.Application;

import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The one JAX-RS application of Atrium, at {@code /api}; resources and extensions join it by name. */
@Component(service = Application.class)
@JaxrsApplicationBase(AtriumRest.BASE)
@JaxrsName(AtriumRest.APPLICATION_NAME)
public class AtriumApplication extends Application {
}
