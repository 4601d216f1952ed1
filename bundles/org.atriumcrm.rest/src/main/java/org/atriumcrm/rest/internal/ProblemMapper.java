package org.atriumcrm.rest.internal;

import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.module.ModuleState;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of the Atrium API leaves as {@code application/problem+json}: our own exceptions with their
 * status and field errors, JAX-RS errors (404 no such resource, 405, 406, 415) with a sentence instead of an
 * empty body, and bugs as a 500 whose incident id is in the log.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("atrium.problems")
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ModuleRegistry modules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile OpenApiResource openApi;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile UserDirectory users;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RecordStores records;

    @Context
    SecurityContext security;

    private String challenge() {
        try {
            return AuthenticationFilter.challenge(AuthenticationFilter.apiPath(uriInfo.getRequestUri()), headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                    headers.getCookies().containsKey(AtriumRest.SESSION_COOKIE), fromScript());
        } catch (RuntimeException outsideRequest) {
            return AuthenticationFilter.REALM;
        }
    }

    @Override
    public Response toResponse(Throwable failure) {
        String instance = instance();
        Locale language = language();
        AtriumException atrium = find(failure, AtriumException.class);
        if (atrium != null) {
            Response answer = Problems.response(atrium.status(), Problems.document(atrium, instance, language, this::fieldLabel), language);
            if (atrium.status() == 401) {
                answer = Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, challenge()).build();
            }
            return answer;
        }
        if (failure instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status == 404) {
                AtriumException disabled = disabledModule();
                if (disabled != null) {
                    return Problems.response(404, Problems.document(disabled, instance, language, this::fieldLabel), language);
                }
            }
            if (status < 500) {
                Response.Status known = Response.Status.fromStatusCode(status);
                String title = known == null ? "HTTP " + status : known.getReasonPhrase();
                String allow = status == 405 ? allowed(wae.getResponse()) : null;
                AtriumException problem = new AtriumException(status, slug(title), title, detail(status, wae, allow), null);
                localize(problem, status, allow, instance);
                Response.ResponseBuilder answer = Response.fromResponse(Problems.response(status,
                        Problems.document(problem, instance, language, this::fieldLabel), language));
                if (allow != null) {
                    answer.header(HttpHeaders.ALLOW, allow);
                }
                copy(wae.getResponse(), answer, HttpHeaders.WWW_AUTHENTICATE);
                return answer.build();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {} on {}", incident, instance, failure);
        return Problems.response(500, Problems.document(new AtriumException(500, "internal-error", "Internal error",
                "an unexpected error occurred; the administrator can find incident " + incident + " in the log", null)
                .localized("internal-error", incident).with("incident", incident), instance, language, this::fieldLabel), language);
    }

    /**
     * The language of the answer: the caller's own setting ({@code language} of {@code /api/v1/me}), else the
     * request's {@code Accept-Language}; outside a request (or before authentication), English or Accept-Language.
     */
    Locale language() {
        String chosen = null;
        try {
            UserDirectory directory = users;
            java.security.Principal principal = security == null ? null : security.getUserPrincipal();
            if (directory != null && principal instanceof Caller caller) {
                chosen = directory.languageOf(caller.userId()).orElse(null);
            }
        } catch (RuntimeException outsideRequestOrNoUser) {
            chosen = null; // a failing lookup must not turn a problem answer into a 500
        }
        java.util.List<Locale> acceptable;
        try {
            acceptable = headers == null ? java.util.List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException outsideRequestOrMalformed) {
            acceptable = java.util.List.of();
        }
        return ProblemMessages.language(chosen, acceptable);
    }

    /** A field's label in the entity type of the path ({@code /api/v1/<plural>/...}), for the detail of a field's problem. */
    Label fieldLabel(String field) {
        RecordStores registry = records;
        String path = instance();
        String prefix = "/" + AtriumRest.BASE + "/v1/";
        if (registry == null || path == null || !path.startsWith(prefix)) {
            return null;
        }
        String segment = path.substring(prefix.length()).split("/")[0];
        return registry.byPlural(segment).flatMap(s -> s.type().field(field)).map(f -> f.label()).orElse(null);
    }

    private static void localize(AtriumException problem, int status, String allow, String instance) {
        switch (status) {
            case 404 -> problem.localized("no-resource", instance);
            case 405 -> problem.localized("method-not-allowed", allow);
            case 406 -> problem.localized("not-acceptable");
            case 415 -> problem.localized("unsupported-media-type");
            default -> {
                // the JAX-RS runtime's own sentence, in English
            }
        }
    }

    /** A script of a page: the web UI marks its requests {@code X-Requested-With: XMLHttpRequest}. */
    boolean fromScript() {
        try {
            return headers != null && "XMLHttpRequest".equalsIgnoreCase(headers.getHeaderString("X-Requested-With"));
        } catch (IllegalStateException outsideRequest) {
            return false;
        }
    }

    /** A 404 under {@code /api/v1/<segment>} of an installed module that is not enabled says so. */
    private AtriumException disabledModule() {
        ModuleRegistry registry = modules;
        String path = instance();
        if (registry == null || path == null || !path.startsWith("/" + AtriumRest.BASE + "/v1/")) {
            return null;
        }
        String segment = path.substring(("/" + AtriumRest.BASE + "/v1/").length()).split("/")[0];
        return registry.moduleOfEntity(segment).filter(m -> m.state() != ModuleState.ENABLED)
                .map(m -> new AtriumException(404, "module-disabled", "Module disabled", "the module " + m.id()
                        + " that serves /" + AtriumRest.BASE + "/v1/" + segment + " is " + m.state().name().toLowerCase()
                        + (m.reason() == null ? "" : " (" + m.reason() + ")"), null)
                        .localized("module-disabled", m.id(), "/" + AtriumRest.BASE + "/v1/" + segment).with("module", m.id()))
                .orElse(null);
    }

    /**
     * The methods this path supports. CXF's own header lists every method of the matched resource class (for a record,
     * of all record paths, the refused one included), so the document's operations of this path are used; without a
     * documented path, CXF's list less the refused method.
     */
    private String allowed(Response refusal) {
        String path = instance();
        OpenApiResource document = openApi;
        java.util.List<String> methods = document == null || path == null ? java.util.List.of() : document.allowedMethods(path);
        if (!methods.isEmpty()) {
            return AllowedMethods.header(methods);
        }
        String refused = request == null ? "" : request.getMethod();
        String cxf = refusal.getHeaderString(HttpHeaders.ALLOW);
        return cxf == null ? null : AllowedMethods.header(java.util.Arrays.stream(cxf.split(","))
                .map(String::strip).filter(m -> !m.isEmpty() && !m.equalsIgnoreCase(refused)).distinct().toList());
    }

    private String detail(int status, WebApplicationException wae, String allow) {
        switch (status) {
            case 404:
                return "there is no resource at " + instance();
            case 405:
                return "this resource does not support that method; allowed: " + allow;
            case 406:
                return "this resource answers in application/json only";
            case 415:
                return "the request body must be application/json";
            default:
                return wae.getMessage();
        }
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }

    private String instance() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static <E extends Throwable> E find(Throwable failure, Class<E> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
        }
        return null;
    }
}
