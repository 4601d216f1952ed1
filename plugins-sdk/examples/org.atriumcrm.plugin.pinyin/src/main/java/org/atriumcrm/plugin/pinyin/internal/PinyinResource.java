package org.atriumcrm.plugin.pinyin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.rest.api.AtriumRest;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/pinyin/search?initials=zgyh&type=account} (or {@code pinyin=zhongguo}),
 * {@code POST /api/v1/pinyin/rebuild}, {@code GET /api/v1/pinyin/status}: a module endpoint the platform routes
 * to, present only while the module is enabled.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=" + PinyinModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class PinyinResource implements ModuleEndpoint {
    private final PinyinIndex index;
    private final AccessPolicy access;

    @Activate
    public PinyinResource(@Reference PinyinIndex index, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PinyinModule.ID + ")") ModuleGate gate) {
        this.index = index;
        this.access = access;
    }

    @GET
    @Path("search")
    public Map<String, Object> search(@QueryParam("initials") String initials, @QueryParam("pinyin") String pinyin,
            @QueryParam("type") String type, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        String column = null;
        String prefix = null;
        if ((initials == null || initials.isBlank()) == (pinyin == null || pinyin.isBlank())) {
            errors.add(new FieldError("initials", "give either initials (e.g. zgyh) or pinyin (e.g. zhongguo)"));
        } else {
            column = initials != null && !initials.isBlank() ? "initials" : "fullPinyin";
            prefix = (initials != null && !initials.isBlank() ? initials : pinyin).strip();
            if (!prefix.matches("[A-Za-z0-9]{1,50}")) {
                errors.add(new FieldError(column.equals("initials") ? "initials" : "pinyin",
                        "must be 1 to 50 latin letters or digits"));
            }
        }
        String entity = null;
        if (type != null && !type.isBlank()) {
            entity = switch (type.strip().toLowerCase(Locale.ROOT)) {
                case "account", "accounts" -> "Account";
                case "contact", "contacts" -> "Contact";
                default -> {
                    errors.add(new FieldError("type", "must be account or contact"));
                    yield null;
                }
            };
        }
        int off = intParam("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        int lim = intParam("limit", limit, ListQuery.DEFAULT_LIMIT, 1, ListQuery.MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        // the platform decides what the caller may see; the index applies it in its own query
        Caller caller = security != null && security.getUserPrincipal() instanceof Caller c ? c : null;
        Map<String, Visibility> visible = new LinkedHashMap<>();
        for (String e : entity == null ? PinyinIndex.ENTITIES : List.of(entity)) {
            index.store(e).ifPresent(store -> {
                EntityAccess rights = access.access(caller, store.type());
                if (rights.can(Right.VIEW)) {
                    visible.put(e, rights.read());
                }
            });
        }
        Page<PinyinIndex.Hit> page = index.search(visible, column, prefix, off, lim);
        List<Map<String, Object>> items = new ArrayList<>();
        for (PinyinIndex.Hit hit : page.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("entity", hit.entity());
            item.put("id", hit.id());
            item.put("displayName", hit.displayName());
            item.put("href", "/" + AtriumRest.BASE + "/v1/" + hit.entity().toLowerCase(Locale.ROOT) + "s/" + hit.id());
            items.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        return json;
    }

    @POST
    @Path("rebuild")
    public Response rebuild() {
        index.rebuild();
        return Response.accepted(Map.of("status", "rebuilding")).build();
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        return index.status();
    }

    private static int intParam(String name, String value, int dflt, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer between " + min + " and " + max));
        return dflt;
    }
}
