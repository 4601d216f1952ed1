package org.atriumcrm.mail.internal;

import java.util.Base64;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.PublicEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/public/mail/...}: what the links in a sent email reach, without credentials. Nothing here tells
 * a known token from an unknown one (the same GIF, the same pages), and nothing reveals stored data.
 * <ul>
 * <li>{@code GET open/{token}.gif}: the open pixel, never cached, so that every open reaches us.</li>
 * <li>{@code GET click/{token}?u=&s=}: 302 to {@code u} only when {@code s} is our HMAC over token and URL.</li>
 * <li>{@code GET unsubscribe/{token}} asks for a confirmation; {@code POST} (the form, or a mail provider's
 * RFC 8058 one-click post) sets the person's opt-out. A GET never unsubscribes: mail security scanners fetch
 * every link of an email, and would unsubscribe everyone.</li>
 * </ul>
 */
@Component(service = PublicEndpoint.class, property = {PublicEndpoint.PATH_PROPERTY + "=mail",
    PublicEndpoint.SUMMARY_PROPERTY + "=Email tracking: GET open/{token}.gif (pixel), GET click/{token}?u=&s= (302 to signed URLs only),"
        + " GET/POST unsubscribe/{token} (RFC 8058 one-click: POST sets do-not-email)"})
public class MailTrackingEndpoint implements PublicEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MailTrackingEndpoint.class);
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final String HTML = "text/html; charset=UTF-8";

    private final EmailTrackingStore tracking;
    private final MailRecords records;
    private final TrackingConfig config;

    @Activate
    public MailTrackingEndpoint(@Reference EmailTrackingStore tracking, @Reference MailRecords records, @Reference TrackingConfig config,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.tracking = tracking;
        this.records = records;
        this.config = config;
    }

    /** The links of a sent email; none takes a JSON body, all answer an image, a redirect or a page. */
    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode openApiPaths() {
        String token = """
                [{"name": "token", "in": "path", "required": true, "schema": {"type": "string"}}]""";
        String page = """
                {"text/html": {"schema": {"type": "string"}}}""";
        return OperationSchema.object("""
                {"/v1/public/mail/open/{token}.gif": {"parameters": %1$s, "get": {"operationId": "getMailOpenPixel",
                   "summary": "The open pixel of a sent email (never cached)",
                   "responses": {"200": {"description": "a 1x1 GIF, for known and unknown tokens alike",
                     "content": {"image/gif": {"schema": {"type": "string", "format": "binary"}}}}}}},
                 "/v1/public/mail/click/{token}": {"parameters": %1$s, "get": {"operationId": "followMailLink",
                   "summary": "A link of a sent email: 302 to u when s is the platform's signature of token and u",
                   "parameters": [{"name": "u", "in": "query", "required": true, "schema": {"type": "string"}},
                     {"name": "s", "in": "query", "required": true, "schema": {"type": "string"}}],
                   "responses": {"302": {"description": "to the link's target", "headers": {"Location": {"schema": {"type": "string"}}}},
                     "404": {"description": "an unsigned or changed link", "content": %2$s}}}},
                 "/v1/public/mail/unsubscribe/{token}": {"parameters": %1$s,
                   "get": {"operationId": "confirmMailUnsubscribe", "summary": "Asks to confirm the unsubscription (a GET never unsubscribes)",
                     "responses": {"200": {"description": "the confirmation page", "content": %2$s}}},
                   "post": {"operationId": "unsubscribeFromMail", "summary": "Unsubscribe (the page's form, or RFC 8058 one-click)",
                     "requestBody": {"required": false, "content": {"application/x-www-form-urlencoded": {"schema": {
                       "type": "object", "properties": {"List-Unsubscribe": {"type": "string", "enum": ["One-Click"]}}}}}},
                     "responses": {"200": {"description": "unsubscribed", "content": %2$s}}}}}""".formatted(token, page));
    }

    @GET
    @Path("open/{token}.gif")
    public Response open(@PathParam("token") String token) {
        try {
            tracking.opened(token);
        } catch (RuntimeException e) {
            LOG.warn("open of {} not recorded", token, e); // the database failed, not a concurrent open; the image still answers
        }
        return Response.ok(GIF, "image/gif").header("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0")
                .header("Pragma", "no-cache").header("Expires", "0").build();
    }

    @GET
    @Path("click/{token}")
    public Response click(@PathParam("token") String token, @QueryParam("u") String url, @QueryParam("s") String signature) {
        if (!TrackingLinks.isToken(token) || !config.links().verify(token, url, signature)
                || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return page(404, "链接无效 / Invalid link", "此链接无效或已过期。<br>This link is not valid.");
        }
        try {
            tracking.clicked(token);
        } catch (RuntimeException e) {
            LOG.warn("click of {} not recorded", token, e); // the reader still reaches the link
        }
        return Response.status(302).header("Location", url).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response confirm(@PathParam("token") String token) {
        String action = TrackingLinks.isToken(token) ? token : "invalid";
        return page(200, "退订 / Unsubscribe", "<form method=\"post\" action=\"" + action + "\">"
                + "<p>不再接收我们的邮件？<br>Stop receiving our emails?</p>"
                + "<button type=\"submit\" name=\"List-Unsubscribe\" value=\"One-Click\">退订 / Unsubscribe</button></form>");
    }

    @POST
    @Path("unsubscribe/{token}")
    @Consumes("*/*")
    public Response unsubscribe(@PathParam("token") String token) {
        tracking.byToken(token).ifPresent(t -> {
            boolean done = t.getContactId() != null ? records.optOut(MailingTypes.CONTACT, t.getContactId())
                    : t.getLeadId() != null && records.optOut(MailingTypes.LEAD, t.getLeadId());
            tracking.unsubscribed(t.getId());
            LOG.info("unsubscribe through email {}: opt-out {}", t.getEmailId(), done ? "set" : "not settable (record gone)");
        });
        return page(200, "已退订 / Unsubscribed", "您已退订，今后不会再收到此类邮件。<br>You have been unsubscribed.");
    }

    private static Response page(int status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\"><h1 style=\"font-size:1.3em\">" + title + "</h1>"
                + body + "</body></html>";
        return Response.status(status).type(HTML).entity(html).header("Cache-Control", "no-store").build();
    }
}
