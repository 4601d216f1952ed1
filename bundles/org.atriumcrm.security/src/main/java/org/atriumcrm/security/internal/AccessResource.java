package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/admin/access/explain?userId=U&entity=E[&recordId=R]}: what user U may do on entity type E
 * (and record R), and why: which profiles grant each right, which fields are restricted, and which rule of the
 * sharing model (ownership, group, role hierarchy, sharing rule, manual share, org-wide default) opens the record.
 */
@Component(service = AccessResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/access")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Reference
    SecurityAdmin admin;

    @GET
    @Path("explain")
    public ObjectNode explain(@QueryParam("userId") String userId, @QueryParam("entity") String entity,
            @QueryParam("recordId") String recordId) {
        List<FieldError> errors = new ArrayList<>();
        SecurityModel model = admin.access().model();
        SecurityModel.UserInfo user = userId == null ? null : model.users.get(userId);
        if (user == null) {
            errors.add(new FieldError("userId", userId == null ? "is required" : "no user with id " + userId));
        }
        RecordStore<?> store = entity == null ? null : admin.store(entity).orElse(null);
        if (store == null) {
            errors.add(new FieldError("entity", entity == null ? "is required" : "no enabled entity type " + entity));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return explain(model, user, store, recordId);
    }

    private <T extends Record> ObjectNode explain(SecurityModel model, SecurityModel.UserInfo user, RecordStore<T> store,
            String recordId) {
        EntityType<T> type = store.type();
        Caller caller = new Caller(user.id(), user.loginName(), user.administrator());
        AccessService.Decision d = admin.access().decide(caller, type);
        ObjectNode json = SecurityJson.JSON.objectNode();
        ObjectNode u = json.putObject("user");
        u.put("id", user.id());
        u.put("loginName", user.loginName());
        u.put("active", user.active());
        u.put("administrator", d.administrator());
        SecurityRole role = user.roleId() == null ? null : model.roles.get(user.roleId());
        u.put("role", role == null ? null : role.name);
        ArrayNode profiles = u.putArray("profiles");
        user.profileIds().stream().map(model.profiles::get).filter(p -> p != null).forEach(p -> profiles.add(p.name));
        ArrayNode groups = u.putArray("groups");
        model.groupsOf(user.id()).stream().map(model.groups::get).filter(g -> g != null).forEach(g -> groups.add(g.name));
        json.put("entity", type.name());
        json.put("orgWideDefault", d.orgWideDefault());
        ObjectNode rights = json.putObject("rights");
        for (Right right : Right.values()) {
            ObjectNode r = rights.putObject(right.jsonName());
            r.put("granted", d.can(right));
            ArrayNode by = r.putArray("grantedBy");
            if (d.administrator()) {
                by.add("administrator profile");
            } else {
                user.profileIds().stream().map(model.profiles::get)
                        .filter(p -> p != null && p.rightsOn(type.name(), type.isAdministrative()).contains(right)).forEach(p -> by.add(p.name));
            }
        }
        ObjectNode fields = json.putObject("restrictedFields");
        d.restrictedFields().forEach((f, a) -> fields.put(f, a.jsonName()));
        if (recordId != null) {
            T record = store.find(recordId).or(() -> store.findDeleted(recordId))
                    .orElseThrow(() -> AtriumException.notFound("no " + type.name() + " with id " + recordId));
            ObjectNode r = json.putObject("record");
            r.put("id", record.getId());
            r.put("ownerId", record.getOwnerId());
            r.put("deleted", record.getDeletedAt() != null);
            boolean read = d.can(Right.VIEW) && d.read().allows(record);
            boolean write = read && d.write().allows(record);
            r.put("canRead", read);
            r.put("canEdit", write && d.can(Right.EDIT));
            r.put("canDelete", write && d.can(Right.DELETE));
            ArrayNode reasons = r.putArray("reasons");
            if (d.administrator()) {
                reasons.add("the administrator profile sees and changes everything");
            } else if (!d.can(Right.VIEW)) {
                reasons.add("no profile of the user grants view on " + type.name());
            } else {
                if (d.read().all()) {
                    reasons.add(d.can(Right.VIEW_ALL) ? "a profile grants view all on " + type.name()
                            : "the org-wide default of " + type.name() + " is " + d.orgWideDefault());
                }
                d.ownerReasons().getOrDefault(record.getOwnerId(), List.of()).forEach(reasons::add);
                if (d.read().recordIds().contains(record.getId())) {
                    reasons.add("the record is shared with the user or a group of theirs by hand ("
                            + (d.write().recordIds().contains(record.getId()) ? "read-write" : "read") + ")");
                }
                if (!read) {
                    reasons.add("nothing opens this record: it is owned by " + record.getOwnerId()
                            + ", who is neither the user, a group of theirs, below them in the role hierarchy, nor shared with them");
                } else if (!write) {
                    reasons.add("read-only: no rule grants the user write access to records of this owner");
                }
                if (write && !d.can(Right.EDIT)) {
                    reasons.add("no profile of the user grants edit on " + type.name());
                }
            }
        }
        return json;
    }

}
