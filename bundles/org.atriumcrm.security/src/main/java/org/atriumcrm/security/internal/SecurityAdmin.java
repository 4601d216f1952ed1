package org.atriumcrm.security.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.RecordSharing;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Changes to the security model (roles, profiles, groups, org-wide defaults, sharing rules, record shares and
 * users' assignments), each validated completely before anything is written, written in one transaction with
 * its audit row, and followed by a refresh of the access decisions.
 */
@Component(service = {SecurityAdmin.class, RecordSharing.class}, immediate = true)
public class SecurityAdmin implements RecordSharing {
    static final String ADMINISTRATOR_PROFILE = "administrator";
    static final String STANDARD_PROFILE = "standard";
    static final String READ_ONLY_PROFILE = "read-only";

    private final JpaTemplate jpa;
    private final AccessService access;
    private final UserService users;
    private final RecordStores stores;

    @Activate
    public SecurityAdmin(@Reference(target = "(osgi.unit.name=atrium.security)") JpaTemplate jpa,
            @Reference AccessService access, @Reference UserService users, @Reference RecordStores stores) {
        this.stores = stores;
        this.jpa = jpa;
        this.access = access;
        this.users = users;
        seedBuiltInProfiles();
    }

    Optional<RecordStore<?>> store(String entity) {
        return stores.byName(entity);
    }

    Optional<EntityType<?>> entityType(String name) {
        return stores.byName(name).map(RecordStore::type);
    }

    private java.util.Set<String> entityNames() {
        return stores.all().stream().map(s -> s.type().name()).collect(java.util.stream.Collectors.toSet());
    }

    Collection<EntityType<?>> entityTypes() {
        return stores.all().stream().<EntityType<?>>map(RecordStore::type).toList();
    }

    // ---------------------------------------------------------------- built-in profiles

    /** The administrator, standard and read-only profiles; users from before profiles get one by their admin flag. */
    private void seedBuiltInProfiles() {
        boolean changed = tx(em -> {
            boolean any = false;
            SecurityProfile admin = profileNamed(em, ADMINISTRATOR_PROFILE).orElse(null);
            if (admin == null) {
                admin = newProfile(em, ADMINISTRATOR_PROFILE, "Everything, including the administration API", true);
                admin.administrator = true;
                admin.rights.add(new ProfileRight(SecurityProfile.ANY_ENTITY, EnumSet.allOf(Right.class)));
                any = true;
            }
            if (profileNamed(em, STANDARD_PROFILE).isEmpty()) {
                newProfile(em, STANDARD_PROFILE, "Sales and service staff: work with the records they can see", true)
                        .rights.add(new ProfileRight(SecurityProfile.ANY_ENTITY,
                                EnumSet.of(Right.VIEW, Right.CREATE, Right.EDIT, Right.DELETE, Right.EXPORT)));
                any = true;
            }
            if (profileNamed(em, READ_ONLY_PROFILE).isEmpty()) {
                newProfile(em, READ_ONLY_PROFILE, "Look, do not touch", true)
                        .rights.add(new ProfileRight(SecurityProfile.ANY_ENTITY, EnumSet.of(Right.VIEW)));
                any = true;
            }
            String adminId = admin.getId();
            String standardId = profileNamed(em, STANDARD_PROFILE).orElseThrow().getId();
            for (UserAccount u : em.createQuery("SELECT u FROM UserAccount u", UserAccount.class).getResultList()) {
                if (u.getProfileIds().isEmpty()) {
                    u.setProfileIds(Set.of(u.isAdministrator() ? adminId : standardId));
                    any = true;
                }
            }
            return any;
        });
        if (changed) {
            access.invalidate();
        }
    }

    private static SecurityProfile newProfile(EntityManager em, String name, String description, boolean builtIn) {
        SecurityProfile p = new SecurityProfile();
        p.name = name;
        p.description = description;
        p.builtIn = builtIn;
        p.initialise(RecordIds.next(), Instant.now(), Caller.SYSTEM);
        em.persist(p);
        return p;
    }

    private static Optional<SecurityProfile> profileNamed(EntityManager em, String name) {
        return em.createQuery("SELECT p FROM SecurityProfile p WHERE p.name = :n", SecurityProfile.class)
                .setParameter("n", name).getResultList().stream().findFirst();
    }

    String profileIdNamed(String name) {
        return tx(em -> profileNamed(em, name).orElseThrow().getId());
    }

    // ---------------------------------------------------------------- roles

    List<SecurityRole> roles() {
        return tx(em -> em.createQuery("SELECT r FROM SecurityRole r ORDER BY r.name", SecurityRole.class).getResultList());
    }

    SecurityRole role(String id) {
        return tx(em -> find(em, SecurityRole.class, id, "role"));
    }

    SecurityRole saveRole(String id, JsonNode json, Caller caller) {
        JsonBody body = JsonBody.of(json, "a role", Set.of("name", "parentId", "description"));
        String name = body.text("name", id == null, 100);
        String parentId = body.text("parentId", false, 36);
        String description = body.text("description", false, 1000);
        body.check();
        SecurityRole saved = tx(em -> {
            SecurityRole r = id == null ? new SecurityRole() : find(em, SecurityRole.class, id, "role");
            if (name != null) {
                r.name = name;
            }
            if (body.has("parentId")) {
                if (parentId != null) {
                    find(em, SecurityRole.class, parentId, "role", "parentId");
                    if (id != null && roleAndBelow(em, id).contains(parentId)) {
                        throw AtriumException.invalidField("parentId", "would make a cycle: " + parentId
                                + " is this role or below it");
                    }
                }
                r.parentId = parentId;
            }
            if (body.has("description")) {
                r.description = description;
            }
            if (id == null) {
                r.initialise(RecordIds.next(), Instant.now(), caller);
                em.persist(r);
            } else {
                r.touch(Instant.now(), caller);
            }
            audit(em, caller, "role", r.getId(), id == null ? "created" : "updated", "name=" + r.name + " parentId=" + r.parentId);
            return r;
        });
        access.invalidate();
        return saved;
    }

    void deleteRole(String id, Caller caller) {
        tx(em -> {
            SecurityRole r = find(em, SecurityRole.class, id, "role");
            long children = count(em, "SELECT COUNT(r) FROM SecurityRole r WHERE r.parentId = :id", id);
            long members = count(em, "SELECT COUNT(u) FROM UserAccount u WHERE u.roleId = :id AND u.deletedAt IS NULL", id);
            long rules = count(em, "SELECT COUNT(s) FROM SharingRule s WHERE s.sourceId = :id OR s.targetId = :id", id);
            if (children + members + rules > 0) {
                throw AtriumException.conflict("role-in-use", "role " + r.name + " still has " + children + " roles below it, "
                        + members + " users and " + rules + " sharing rules; move or delete them first")
                        .localized("role-in-use", r.name, children, members, rules);
            }
            em.remove(r);
            audit(em, caller, "role", id, "deleted", "name=" + r.name);
            return null;
        });
        access.invalidate();
    }

    private static Set<String> roleAndBelow(EntityManager em, String id) {
        List<SecurityRole> all = em.createQuery("SELECT r FROM SecurityRole r", SecurityRole.class).getResultList();
        Set<String> result = new LinkedHashSet<>(List.of(id));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SecurityRole r : all) {
                if (r.parentId != null && result.contains(r.parentId) && result.add(r.getId())) {
                    grew = true;
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- profiles

    List<SecurityProfile> profiles() {
        return tx(em -> em.createQuery("SELECT p FROM SecurityProfile p ORDER BY p.name", SecurityProfile.class).getResultList());
    }

    SecurityProfile profile(String id) {
        return tx(em -> find(em, SecurityProfile.class, id, "profile"));
    }

    /**
     * Creates or changes a profile: {@code {"name", "description", "rights": {"Account": ["view", "edit"], "*": [...]},
     * "fields": {"Account": {"annualRevenue": "hidden", "rating": "read-only"}}}}; rights and fields replace the old ones.
     */
    SecurityProfile saveProfile(String id, JsonNode json, Caller caller) {
        JsonBody body = JsonBody.of(json, "a profile", Set.of("name", "description", "rights", "fields"));
        String name = body.text("name", id == null, 100);
        String description = body.text("description", false, 1000);
        List<ProfileRight> rights = body.has("rights") ? readRights(body) : null;
        List<ProfileFieldRule> fields = body.has("fields") ? readFieldRules(body) : null;
        body.check();
        SecurityProfile saved = tx(em -> {
            SecurityProfile p = id == null ? new SecurityProfile() : find(em, SecurityProfile.class, id, "profile");
            if (Boolean.TRUE.equals(p.builtIn)) {
                throw AtriumException.conflict("built-in-profile", "the built-in profile " + p.name
                        + " cannot be changed; copy it into a profile of your own").localized("built-in-profile-fixed", p.name);
            }
            if (name != null && !name.equals(p.name) && profileNamed(em, name).isPresent()) {
                throw AtriumException.conflict("name-taken", "there is a profile named " + name + " already").localized("profile-name-taken", name);
            }
            if (name != null) {
                p.name = name;
            }
            if (body.has("description")) {
                p.description = description;
            }
            if (rights != null) {
                p.rights.clear();
                p.rights.addAll(rights);
            }
            if (fields != null) {
                p.fields.clear();
                p.fields.addAll(fields);
            }
            if (id == null) {
                p.initialise(RecordIds.next(), Instant.now(), caller);
                em.persist(p);
            } else {
                p.touch(Instant.now(), caller);
            }
            audit(em, caller, "profile", p.getId(), id == null ? "created" : "updated", "name=" + p.name + " " + json);
            return p;
        });
        access.invalidate();
        return saved;
    }

    private List<ProfileRight> readRights(JsonBody body) {
        JsonNode node = body.node.get("rights");
        List<ProfileRight> result = new ArrayList<>();
        if (!node.isObject()) {
            body.error("rights", "must be an object of entity name → array of rights " + rightNames());
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String entity = e.getKey();
            if (!entity.equals(SecurityProfile.ANY_ENTITY) && !entityType(entity).isPresent()) {
                body.error("rights." + entity, "is not an entity type; known: " + new java.util.TreeSet<>(entityNames()) + " or *");
                continue;
            }
            Set<Right> set = EnumSet.noneOf(Right.class);
            if (!e.getValue().isArray()) {
                body.error("rights." + entity, "must be an array of rights " + rightNames());
                continue;
            }
            for (JsonNode r : e.getValue()) {
                Optional<Right> right = r.isTextual() ? Right.fromJsonName(r.textValue()) : Optional.empty();
                if (right.isEmpty()) {
                    body.error("rights." + entity, r + " is not a right; use " + rightNames());
                } else {
                    set.add(right.get());
                }
            }
            if (!set.isEmpty() && !set.contains(Right.VIEW)) {
                body.error("rights." + entity, "any right needs view as well");
            }
            result.add(new ProfileRight(entity, set));
        }
        return result;
    }

    private List<ProfileFieldRule> readFieldRules(JsonBody body) {
        JsonNode node = body.node.get("fields");
        List<ProfileFieldRule> result = new ArrayList<>();
        if (!node.isObject()) {
            body.error("fields", "must be an object of entity name → {field: \"hidden\" | \"read-only\" | \"editable\"}");
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            EntityType<?> type = entityType(e.getKey()).orElse(null);
            if (type == null) {
                body.error("fields." + e.getKey(), "is not an entity type; known: " + new java.util.TreeSet<>(entityNames()));
                continue;
            }
            if (!e.getValue().isObject()) {
                body.error("fields." + e.getKey(), "must be an object of field name → access");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields(); f.hasNext();) {
                Map.Entry<String, JsonNode> rule = f.next();
                String path = "fields." + e.getKey() + "." + rule.getKey();
                Optional<FieldAccess> a = rule.getValue().isTextual() ? FieldAccess.fromJsonName(rule.getValue().textValue())
                        : Optional.empty();
                if (type.field(rule.getKey()).isEmpty()) {
                    body.error(path, "is not a field of " + type.name());
                } else if (rule.getKey().equals("id")) {
                    body.error(path, "the id cannot be restricted");
                } else if (a.isEmpty()) {
                    body.error(path, "must be \"hidden\", \"read-only\" or \"editable\"");
                } else if (a.get() != FieldAccess.EDITABLE) {
                    result.add(new ProfileFieldRule(type.name(), rule.getKey(), a.get()));
                }
            }
        }
        return result;
    }

    private static List<String> rightNames() {
        return java.util.Arrays.stream(Right.values()).map(Right::jsonName).toList();
    }

    void deleteProfile(String id, Caller caller) {
        tx(em -> {
            SecurityProfile p = find(em, SecurityProfile.class, id, "profile");
            if (Boolean.TRUE.equals(p.builtIn)) {
                throw AtriumException.conflict("built-in-profile", "the built-in profile " + p.name + " cannot be deleted")
                        .localized("built-in-profile-kept", p.name);
            }
            long holders = count(em, "SELECT COUNT(u) FROM UserAccount u JOIN u.profileIds p WHERE p = :id AND u.deletedAt IS NULL", id);
            if (holders > 0) {
                throw AtriumException.conflict("profile-in-use", "profile " + p.name + " is held by " + holders
                        + " users; give them another profile first").localized("profile-in-use", p.name, holders);
            }
            em.remove(p);
            audit(em, caller, "profile", id, "deleted", "name=" + p.name);
            return null;
        });
        access.invalidate();
    }

    // ---------------------------------------------------------------- groups

    List<SecurityGroup> groups() {
        return tx(em -> em.createQuery("SELECT g FROM SecurityGroup g ORDER BY g.name", SecurityGroup.class).getResultList());
    }

    SecurityGroup group(String id) {
        return tx(em -> find(em, SecurityGroup.class, id, "group"));
    }

    SecurityGroup saveGroup(String id, JsonNode json, Caller caller) {
        JsonBody body = JsonBody.of(json, "a group", Set.of("name", "description", "members"));
        String name = body.text("name", id == null, 100);
        String description = body.text("description", false, 1000);
        Set<String> members = body.strings("members");
        body.check();
        SecurityGroup saved = tx(em -> {
            SecurityGroup g = id == null ? new SecurityGroup() : find(em, SecurityGroup.class, id, "group");
            if (name != null) {
                g.name = name;
            }
            if (body.has("description")) {
                g.description = description;
            }
            if (members != null) {
                for (String m : members) {
                    UserAccount u = RecordIds.isValid(m) ? em.find(UserAccount.class, m) : null;
                    if (u == null || u.isDeleted()) {
                        throw AtriumException.invalid("members", "reference-not-found", "no user with id " + m, "user", m);
                    }
                }
                g.members.clear();
                g.members.addAll(members);
            }
            if (id == null) {
                g.initialise(RecordIds.next(), Instant.now(), caller);
                em.persist(g);
            } else {
                g.touch(Instant.now(), caller);
            }
            audit(em, caller, "group", g.getId(), id == null ? "created" : "updated", "name=" + g.name + " members=" + g.members);
            return g;
        });
        access.invalidate();
        return saved;
    }

    void deleteGroup(String id, Caller caller) {
        tx(em -> {
            SecurityGroup g = find(em, SecurityGroup.class, id, "group");
            long rules = count(em, "SELECT COUNT(s) FROM SharingRule s WHERE s.sourceId = :id OR s.targetId = :id", id);
            if (rules > 0) {
                throw AtriumException.conflict("group-in-use", "group " + g.name + " is used by " + rules
                        + " sharing rules; delete them first").localized("group-in-use", g.name, rules);
            }
            em.createQuery("DELETE FROM RecordShare s WHERE s.principalId = :id").setParameter("id", id).executeUpdate();
            em.remove(g);
            audit(em, caller, "group", id, "deleted", "name=" + g.name);
            return null;
        });
        access.invalidate();
    }

    // ---------------------------------------------------------------- org-wide defaults and sharing rules

    Map<String, OrgWideDefault> orgDefaults() {
        Map<String, OrgWideDefault> result = new java.util.TreeMap<>();
        SecurityModel model = access.model();
        entityNames().forEach(e -> result.put(e, model.defaultFor(e)));
        model.defaults.forEach(result::put);
        return result;
    }

    OrgWideDefault saveOrgDefault(String entity, JsonNode json, Caller caller) {
        if (!entityType(entity).isPresent()) {
            throw AtriumException.notFound("there is no entity type " + entity);
        }
        JsonBody body = JsonBody.of(json, "an org-wide default", Set.of("access", "useHierarchy"));
        String level = body.oneOf("access", true, OrgWideDefault.LEVELS);
        Boolean hierarchy = body.bool("useHierarchy");
        body.check();
        OrgWideDefault saved = tx(em -> {
            OrgWideDefault d = em.find(OrgWideDefault.class, entity);
            if (d == null) {
                d = new OrgWideDefault();
                d.entity = entity;
                em.persist(d);
            }
            d.access = level;
            if (hierarchy != null) {
                d.useHierarchy = hierarchy;
            }
            d.modifiedAt = Instant.now();
            d.modifiedBy = caller.userId();
            audit(em, caller, "org-default", entity, "updated", "access=" + d.access + " useHierarchy=" + d.useHierarchy);
            return d;
        });
        access.invalidate();
        return saved;
    }

    List<SharingRule> sharingRules() {
        return tx(em -> em.createQuery("SELECT r FROM SharingRule r ORDER BY r.entity, r.name", SharingRule.class).getResultList());
    }

    /** {@code {"name", "entity", "sourceKind", "sourceId", "targetKind", "targetId", "access": "read" | "read-write"}}. */
    SharingRule createSharingRule(JsonNode json, Caller caller) {
        JsonBody body = JsonBody.of(json, "a sharing rule",
                Set.of("name", "entity", "sourceKind", "sourceId", "targetKind", "targetId", "access"));
        String name = body.text("name", true, 100);
        String entity = body.text("entity", true, 100);
        String sourceKind = body.oneOf("sourceKind", true, SharingRule.KINDS);
        String sourceId = body.text("sourceId", true, 36);
        String targetKind = body.oneOf("targetKind", true, SharingRule.KINDS);
        String targetId = body.text("targetId", true, 36);
        String level = body.oneOf("access", true, List.of(SharingRule.READ, SharingRule.READ_WRITE));
        if (entity != null && !entityType(entity).isPresent()) {
            body.error("entity", "is not an entity type; known: " + new java.util.TreeSet<>(entityNames()));
        }
        body.check();
        SharingRule saved = tx(em -> {
            principal(em, sourceKind, sourceId, "sourceId");
            principal(em, targetKind, targetId, "targetId");
            SharingRule r = new SharingRule();
            r.name = name;
            r.entity = entity;
            r.sourceKind = sourceKind;
            r.sourceId = sourceId;
            r.targetKind = targetKind;
            r.targetId = targetId;
            r.access = level;
            r.initialise(RecordIds.next(), Instant.now(), caller);
            em.persist(r);
            audit(em, caller, "sharing-rule", r.getId(), "created", name + ": " + entity + " of " + sourceKind + " "
                    + sourceId + " → " + targetKind + " " + targetId + " " + level);
            return r;
        });
        access.invalidate();
        return saved;
    }

    void deleteSharingRule(String id, Caller caller) {
        tx(em -> {
            SharingRule r = find(em, SharingRule.class, id, "sharing rule");
            em.remove(r);
            audit(em, caller, "sharing-rule", id, "deleted", r.name);
            return null;
        });
        access.invalidate();
    }

    private static void principal(EntityManager em, String kind, String id, String field) {
        if (SharingRule.GROUP.equals(kind)) {
            find(em, SecurityGroup.class, id, "group", field);
        } else {
            find(em, SecurityRole.class, id, "role", field);
        }
    }

    // ---------------------------------------------------------------- manual record shares

    @Override
    public List<Share> shares(String entity, String recordId) {
        return shareRows(entity, recordId).stream().map(SecurityAdmin::toShare).toList();
    }

    @Override
    public Share share(String entity, String recordId, String principalId, boolean readWrite, Caller caller) {
        return toShare(shareRow(entity, recordId, principalId, readWrite, caller));
    }

    @Override
    public void revoke(String entity, String recordId, String shareId, Caller caller) {
        unshare(entity, recordId, shareId, caller);
    }

    @Override
    public void forget(String entity, String recordId) {
        int removed = tx(em -> em.createQuery("DELETE FROM RecordShare s WHERE s.entity = :e AND s.recordId = :r")
                .setParameter("e", entity).setParameter("r", recordId).executeUpdate());
        if (removed > 0) {
            access.invalidate();
        }
    }

    private static Share toShare(RecordShare s) {
        return new Share(s.id, s.principalId, SharingRule.READ_WRITE.equals(s.access), s.grantedBy, s.grantedAt);
    }

    List<RecordShare> shareRows(String entity, String recordId) {
        return tx(em -> em.createQuery("SELECT s FROM RecordShare s WHERE s.entity = :e AND s.recordId = :r ORDER BY s.grantedAt",
                RecordShare.class).setParameter("e", entity).setParameter("r", recordId).getResultList());
    }

    RecordShare shareRow(String entity, String recordId, String principalId, boolean readWrite, Caller caller) {
        RecordShare saved = tx(em -> {
            boolean isUser = RecordIds.isValid(principalId) && em.find(UserAccount.class, principalId) != null;
            boolean isGroup = !isUser && RecordIds.isValid(principalId) && em.find(SecurityGroup.class, principalId) != null;
            if (!isUser && !isGroup) {
                throw AtriumException.invalidField("principalId", "no user or group with id " + principalId);
            }
            RecordShare s = em.createQuery("SELECT s FROM RecordShare s WHERE s.entity = :e AND s.recordId = :r AND s.principalId = :p",
                    RecordShare.class).setParameter("e", entity).setParameter("r", recordId).setParameter("p", principalId)
                    .getResultList().stream().findFirst().orElse(null);
            if (s == null) {
                s = new RecordShare();
                s.id = RecordIds.next();
                s.entity = entity;
                s.recordId = recordId;
                s.principalId = principalId;
                em.persist(s);
            }
            s.access = readWrite ? SharingRule.READ_WRITE : SharingRule.READ;
            s.grantedBy = caller.userId();
            s.grantedAt = Instant.now();
            audit(em, caller, "record-share", entity + ":" + recordId, "granted", principalId + " " + s.access);
            return s;
        });
        access.invalidate();
        return saved;
    }

    void unshare(String entity, String recordId, String shareId, Caller caller) {
        tx(em -> {
            RecordShare s = RecordIds.isValid(shareId) ? em.find(RecordShare.class, shareId) : null;
            if (s == null || !s.entity.equals(entity) || !s.recordId.equals(recordId)) {
                throw AtriumException.notFound("no share " + shareId + " on " + entity + " " + recordId);
            }
            em.remove(s);
            audit(em, caller, "record-share", entity + ":" + recordId, "revoked", s.principalId);
            return null;
        });
        access.invalidate();
    }

    // ---------------------------------------------------------------- users' assignments

    /** Applies role, profiles, groups and profile details to a user, inside the caller's transaction. */
    void assign(EntityManager em, UserAccount u, boolean setRole, String roleId, Set<String> profileIds, Set<String> groupIds) {
        if (setRole) {
            if (roleId != null) {
                find(em, SecurityRole.class, roleId, "role", "roleId");
            }
            u.setRoleId(roleId);
        }
        if (profileIds != null) {
            if (profileIds.isEmpty()) {
                throw AtriumException.invalidField("profileIds", "a user needs at least one profile");
            }
            boolean admin = false;
            for (String p : profileIds) {
                admin |= find(em, SecurityProfile.class, p, "profile", "profileIds").isAdministrator();
            }
            u.setProfileIds(profileIds);
            u.setAdministrator(admin);
        }
        if (groupIds != null) {
            List<SecurityGroup> all = em.createQuery("SELECT g FROM SecurityGroup g", SecurityGroup.class).getResultList();
            for (String g : groupIds) {
                find(em, SecurityGroup.class, g, "group", "groupIds");
            }
            for (SecurityGroup g : all) {
                if (groupIds.contains(g.getId())) {
                    g.members.add(u.getId());
                } else {
                    g.members.remove(u.getId());
                }
            }
        }
    }

    /** The last administrator cannot lose the administrator profile or be deactivated: someone must stay in charge. */
    void keepOneAdministrator(EntityManager em) {
        String adminProfile = profileNamed(em, ADMINISTRATOR_PROFILE).orElseThrow().getId();
        long admins = em.createQuery("SELECT COUNT(u) FROM UserAccount u JOIN u.profileIds p WHERE p = :id"
                + " AND u.deletedAt IS NULL AND u.status = 'active'", Long.class).setParameter("id", adminProfile).getSingleResult();
        if (admins == 0) {
            throw AtriumException.conflict("last-administrator", "this change would leave no active administrator").localized("last-administrator");
        }
    }

    Set<String> groupIdsOf(String userId) {
        Set<String> ids = new HashSet<>();
        for (SecurityGroup g : access.model().groups.values()) {
            if (g.members.contains(userId)) {
                ids.add(g.getId());
            }
        }
        return ids;
    }

    AccessService access() {
        return access;
    }

    UserService users() {
        return users;
    }

    List<SecurityChange> changes(int limit) {
        return tx(em -> em.createQuery("SELECT c FROM SecurityChange c ORDER BY c.changedAt DESC, c.id DESC", SecurityChange.class)
                .setMaxResults(limit).getResultList());
    }

    void audit(EntityManager em, Caller caller, String kind, String targetId, String action, String detail) {
        SecurityChange c = new SecurityChange();
        c.id = RecordIds.next();
        c.changedAt = Instant.now();
        c.userId = caller.userId();
        c.loginName = caller.loginName();
        c.kind = kind;
        c.targetId = targetId;
        c.action = action;
        c.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
        em.persist(c);
    }

    static <E> E find(EntityManager em, Class<E> kind, String id, String what) {
        E found = RecordIds.isValid(id) ? em.find(kind, id) : null;
        if (found == null) {
            throw AtriumException.notFound("no " + what + " with id " + id);
        }
        return found;
    }

    /** As {@link #find}, but a missing reference in a body is a 400 on that field. */
    static <E> E find(EntityManager em, Class<E> kind, String id, String what, String field) {
        E found = RecordIds.isValid(id) ? em.find(kind, id) : null;
        if (found == null) {
            throw AtriumException.invalidField(field, "no " + what + " with id " + id);
        }
        return found;
    }

    private static long count(EntityManager em, String jpql, String id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    <R> R tx(EmFunction<R> work) {
        return Transactions.required(jpa, work);
    }

}
