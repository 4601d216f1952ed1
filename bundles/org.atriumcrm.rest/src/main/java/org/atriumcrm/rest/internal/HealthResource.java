package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.module.ModuleState;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform-ready signal (public, no data): 200 UP once (1) Karaf has installed its boot features, (2) every
 * enabled module serves all of its entity types and (3) every resource and extension registered for the Atrium
 * application is actually served by the JAX-RS whiteboard; 503 STARTING with what is still missing before that.
 * Stores come up seconds after the HTTP port, and the whiteboard adds resources one by one after their services
 * appear (a feature refresh late in the boot re-registers whole bundles): before (1) and (3) were part of the
 * signal, a script could see UP and still get 404 from {@code /api/v1/admin/users}. Scripts and tests wait on this.
 * (4) Every component of Atrium's own bundles that is bound to an enabled module's gate is active: a module's public
 * endpoint (the SMS gateway's webhook, say) is no JAX-RS resource of its own, and it comes up after the module's
 * stores when its other services take longer.
 * A resource the whiteboard rejected for good (a plugin whose resource fails) is listed under {@code failed}
 * but does not hold the platform back.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    /** Registered by Karaf's features service once the boot features are installed; named, not imported. */
    static final String KARAF_BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    static final String KARAF_FEATURES = "org.apache.karaf.features.FeaturesService";

    @Reference
    ModuleRegistry modules;

    @Reference
    Stores stores;

    @Reference
    JaxrsServiceRuntime runtime;

    @Reference
    ServiceComponentRuntime components;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @GET
    public Response health() {
        List<String> waiting = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (context.getServiceReference(KARAF_FEATURES) != null && context.getServiceReference(KARAF_BOOT_FINISHED) == null) {
            waiting.add("karaf/boot-features");
        }
        for (ModuleInfo m : modules.modules()) {
            if (m.state() == ModuleState.ENABLED) {
                for (EntityRef e : m.entityTypes()) {
                    if (stores.byName(e.name()).isEmpty()) {
                        waiting.add(m.id() + "/" + e.name());
                    }
                }
            }
        }
        whiteboard(waiting, failed);
        gatedComponents(waiting, failed);
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("status", waiting.isEmpty() ? "UP" : "STARTING");
        json.put("modules", modules.modules().size());
        if (!waiting.isEmpty()) {
            json.set("waitingFor", Json.MAPPER.valueToTree(waiting));
        }
        if (!failed.isEmpty()) {
            json.set("failed", Json.MAPPER.valueToTree(failed));
        }
        return Response.status(waiting.isEmpty() ? 200 : 503).entity(json).build();
    }

    /** Compares the services registered for the Atrium application with what the whiteboard serves. */
    private void whiteboard(List<String> waiting, List<String> failed) {
        RuntimeDTO dto = runtime.getRuntimeDTO();
        Set<Long> served = new HashSet<>();
        for (ApplicationDTO app : dto.applicationDTOs) {
            if (AtriumRest.APPLICATION_NAME.equals(app.name)) {
                Arrays.stream(app.resourceDTOs).forEach(r -> served.add(r.serviceId));
                Arrays.stream(app.extensionDTOs).forEach(x -> served.add(x.serviceId));
            }
        }
        Set<Long> rejected = new HashSet<>();
        for (FailedResourceDTO f : dto.failedResourceDTOs) {
            if (permanent(f.failureReason)) {
                rejected.add(f.serviceId);
            }
        }
        for (FailedExtensionDTO f : dto.failedExtensionDTOs) {
            if (permanent(f.failureReason)) {
                rejected.add(f.serviceId);
            }
        }
        for (ServiceReference<?> ref : registered("(|(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)("
                + JaxrsWhiteboardConstants.JAX_RS_EXTENSION + "=true))")) {
            if (!selectsAtrium(ref)) {
                continue;
            }
            long id = (Long) ref.getProperty(Constants.SERVICE_ID);
            if (rejected.contains(id)) {
                failed.add("jaxrs/" + name(ref));
            } else if (!served.contains(id)) {
                waiting.add("jaxrs/" + name(ref));
            }
        }
    }

    /**
     * The components of Atrium's bundles that reference a module's gate, whose gates are all there (their modules are
     * enabled) but which still wait for another service. Third-party bundles are left out: a plugin's component that
     * waits for a service nobody provides must not hold the platform back.
     */
    private void gatedComponents(List<String> waiting, List<String> failed) {
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("org.atriumcrm.")) {
                continue;
            }
            Set<String> gates = new HashSet<>();
            for (ReferenceDTO reference : description.references) {
                if (ModuleGate.class.getName().equals(reference.interfaceName)) {
                    gates.add(reference.name);
                }
            }
            if (gates.isEmpty()) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add("component/" + simpleName(description.name));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        && Arrays.stream(configuration.unsatisfiedReferences).noneMatch(u -> gates.contains(u.name))) {
                    waiting.add("component/" + simpleName(description.name));
                }
            }
        }
    }

    private static String simpleName(String componentName) {
        return componentName.substring(componentName.lastIndexOf('.') + 1);
    }

    /** Missing extensions or application come and go during start; every other reason stays until a redeploy. */
    private static boolean permanent(int reason) {
        return reason != DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE
                && reason != DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE;
    }

    private ServiceReference<?>[] registered(String filter) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean selectsAtrium(ServiceReference<?> ref) {
        Object select = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT);
        if (select instanceof String s) {
            return AtriumRest.APPLICATION_SELECT.equals(s);
        }
        return select instanceof String[] all && Arrays.asList(all).contains(AtriumRest.APPLICATION_SELECT);
    }

    private static String name(ServiceReference<?> ref) {
        Object component = ref.getProperty("component.name");
        if (component != null) {
            return simpleName(component.toString());
        }
        Object name = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME);
        return name != null ? name.toString() : String.valueOf(ref.getProperty(Constants.SERVICE_ID));
    }
}
