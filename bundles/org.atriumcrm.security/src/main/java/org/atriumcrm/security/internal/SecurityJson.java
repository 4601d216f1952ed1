package org.atriumcrm.security.internal;

import java.util.List;
import java.util.Map;

import org.atriumcrm.api.security.Right;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON shapes of the security model, as the administration API answers them. */
final class SecurityJson {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SecurityJson() {
    }

    static ObjectNode items(List<ObjectNode> list) {
        ObjectNode json = JSON.objectNode();
        ArrayNode items = json.putArray("items");
        list.forEach(items::add);
        json.put("total", list.size());
        return json;
    }

    static ObjectNode role(SecurityRole r) {
        ObjectNode json = JSON.objectNode();
        json.put("id", r.getId());
        json.put("name", r.name);
        json.put("parentId", r.parentId);
        json.put("description", r.description);
        json.put("version", r.getVersion());
        return json;
    }

    /** The role tree: each role with its {@code children}, roots first. */
    static ArrayNode roleTree(List<SecurityRole> roles, String parentId) {
        ArrayNode level = JSON.arrayNode();
        for (SecurityRole r : roles) {
            if (java.util.Objects.equals(r.parentId, parentId)) {
                ObjectNode node = role(r);
                node.set("children", roleTree(roles, r.getId()));
                level.add(node);
            }
        }
        return level;
    }

    static ObjectNode profile(SecurityProfile p) {
        ObjectNode json = JSON.objectNode();
        json.put("id", p.getId());
        json.put("name", p.name);
        json.put("description", p.description);
        json.put("builtIn", Boolean.TRUE.equals(p.builtIn));
        json.put("administrator", p.isAdministrator());
        ObjectNode rights = json.putObject("rights");
        for (ProfileRight r : p.rights) {
            ArrayNode list = rights.putArray(r.entity);
            r.rights().stream().map(Right::jsonName).forEach(list::add);
        }
        ObjectNode fields = json.putObject("fields");
        for (ProfileFieldRule f : p.fields) {
            ObjectNode entity = fields.has(f.entity) ? (ObjectNode) fields.get(f.entity) : fields.putObject(f.entity);
            entity.put(f.field, f.access().jsonName());
        }
        json.put("version", p.getVersion());
        return json;
    }

    static ObjectNode group(SecurityGroup g) {
        ObjectNode json = JSON.objectNode();
        json.put("id", g.getId());
        json.put("name", g.name);
        json.put("description", g.description);
        ArrayNode members = json.putArray("members");
        g.members.forEach(members::add);
        json.put("version", g.getVersion());
        return json;
    }

    static ObjectNode orgDefault(OrgWideDefault d) {
        ObjectNode json = JSON.objectNode();
        json.put("entity", d.entity);
        json.put("access", d.access);
        json.put("useHierarchy", !Boolean.FALSE.equals(d.useHierarchy));
        json.put("modifiedAt", d.modifiedAt == null ? null : d.modifiedAt.toString());
        json.put("modifiedBy", d.modifiedBy);
        return json;
    }

    static ObjectNode sharingRule(SharingRule r) {
        ObjectNode json = JSON.objectNode();
        json.put("id", r.getId());
        json.put("name", r.name);
        json.put("entity", r.entity);
        json.put("sourceKind", r.sourceKind);
        json.put("sourceId", r.sourceId);
        json.put("targetKind", r.targetKind);
        json.put("targetId", r.targetId);
        json.put("access", r.access);
        return json;
    }

    static ObjectNode share(RecordShare s) {
        ObjectNode json = JSON.objectNode();
        json.put("id", s.id);
        json.put("principalId", s.principalId);
        json.put("access", s.access);
        json.put("grantedBy", s.grantedBy);
        json.put("grantedAt", s.grantedAt.toString());
        return json;
    }

    static ObjectNode change(SecurityChange c) {
        ObjectNode json = JSON.objectNode();
        json.put("id", c.id);
        json.put("at", c.changedAt.toString());
        json.put("userId", c.userId);
        json.put("loginName", c.loginName);
        json.put("kind", c.kind);
        json.put("targetId", c.targetId);
        json.put("action", c.action);
        json.put("detail", c.detail);
        return json;
    }

}
