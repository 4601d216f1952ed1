package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Decides who may do what, from a cached {@link SecurityModel}: rights and field access are the union of the
 * user's profiles; records visible are their own and their groups', those of users below them in the role
 * hierarchy (unless the entity's org-wide default turns that off), those of owners that sharing rules share with
 * them, and records shared with them by hand. Administrators (the administrator profile) see and do everything.
 */
@Component(service = {AccessPolicy.class, AccessService.class})
public class AccessService implements AccessPolicy {

    /** One consistent pair: a snapshot of the model and the access computed from it. */
    private record State(SecurityModel model, Map<String, Decision> decisions, long generation) {
    }

    /** What a caller may do on one entity type, with why (for the explanation endpoint). */
    record Decision(Set<Right> rights, Map<String, FieldAccess> restrictedFields, Visibility read, Visibility write,
            Map<String, List<String>> ownerReasons, String orgWideDefault, boolean administrator) implements EntityAccess {
    }

    private static final Decision EVERYTHING = new Decision(EnumSet.allOf(Right.class), Map.of(), Visibility.ALL,
            Visibility.ALL, Map.of(), "administrator", true);

    private final JpaTemplate jpa;
    private volatile State state;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public AccessService(@Reference(target = "(osgi.unit.name=atrium.security)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public EntityAccess access(Caller caller, EntityType<?> type) {
        return decide(caller, type);
    }

    @Override
    public <T extends Record> RecordStore<T> secure(RecordStore<T> store, Caller caller) {
        Decision d = decide(caller, store.type());
        return d.administrator() ? store : new SecuredRecordStore<>(store, d);
    }

    /** Forgets every computed decision: after a change of users' roles/profiles/groups, roles, profiles, defaults or rules. */
    void invalidate() {
        generation.incrementAndGet();
        state = null;
    }

    SecurityModel model() {
        return state().model();
    }

    Decision decide(Caller caller, EntityType<?> type) {
        if (caller == null) {
            return new Decision(Set.of(), Map.of(), Visibility.NONE, Visibility.NONE, Map.of(), "none", false);
        }
        if (Caller.SYSTEM.userId().equals(caller.userId())) {
            return EVERYTHING;
        }
        State s = state();
        if (s.model().isAdministrator(caller.userId())) {
            return EVERYTHING;
        }
        return s.decisions().computeIfAbsent(caller.userId() + '\u0000' + type.name(), k -> compute(s.model(), caller.userId(), type));
    }

    private State state() {
        State s = state;
        long g = generation.get();
        if (s == null || s.generation() != g) {
            s = new State(load(), new ConcurrentHashMap<>(), g);
            if (generation.get() == g) {
                state = s; // a snapshot loaded while a change committed is used once, never cached
            }
        }
        return s;
    }

    private SecurityModel load() {
        return tx(em -> new SecurityModel(
                em.createQuery("SELECT u FROM UserAccount u WHERE u.deletedAt IS NULL", UserAccount.class).getResultList(),
                em.createQuery("SELECT r FROM SecurityRole r", SecurityRole.class).getResultList(),
                em.createQuery("SELECT p FROM SecurityProfile p", SecurityProfile.class).getResultList(),
                em.createQuery("SELECT g FROM SecurityGroup g", SecurityGroup.class).getResultList(),
                em.createQuery("SELECT d FROM OrgWideDefault d", OrgWideDefault.class).getResultList(),
                em.createQuery("SELECT r FROM SharingRule r", SharingRule.class).getResultList()));
    }

    private Decision compute(SecurityModel m, String userId, EntityType<?> type) {
        SecurityModel.UserInfo user = m.users.get(userId);
        if (user == null || !user.active()) {
            return new Decision(Set.of(), Map.of(), Visibility.NONE, Visibility.NONE, Map.of(), "none", false);
        }
        String entity = type.name();
        List<SecurityProfile> profiles = user.profileIds().stream().map(m.profiles::get).filter(p -> p != null).toList();
        Set<Right> rights = EnumSet.noneOf(Right.class);
        profiles.forEach(p -> rights.addAll(p.rightsOn(entity, type.isAdministrative())));

        Map<String, FieldAccess> restricted = new LinkedHashMap<>();
        for (FieldDef<?> field : type.fields()) {
            FieldAccess effective = null;
            for (SecurityProfile p : profiles) {
                FieldAccess inProfile = p.fields.stream().filter(f -> f.entity.equals(entity) && f.field.equals(field.name()))
                        .map(ProfileFieldRule::access).findFirst().orElse(FieldAccess.EDITABLE);
                effective = effective == null ? inProfile : effective.union(inProfile);
            }
            if (effective != null && effective != FieldAccess.EDITABLE) {
                restricted.put(field.name(), effective);
            }
        }
        if (!rights.contains(Right.VIEW)) {
            return new Decision(rights, restricted, Visibility.NONE, Visibility.NONE, Map.of(), "no view right", false);
        }

        OrgWideDefault owd = m.defaultFor(entity);
        Map<String, List<String>> reasons = new HashMap<>();
        Set<String> readOwners = new HashSet<>();
        Set<String> writeOwners = new HashSet<>();
        grant(reasons, readOwners, writeOwners, Set.of(userId), true, "you own it");
        grant(reasons, readOwners, writeOwners, m.groupsOf(userId), true, "it is owned by a group you belong to");
        if (Boolean.TRUE.equals(owd.useHierarchy) && user.roleId() != null) {
            SecurityRole role = m.roles.get(user.roleId());
            grant(reasons, readOwners, writeOwners, m.usersInRoles(m.rolesBelow(user.roleId())), true,
                    "its owner's role is below your role " + (role == null ? user.roleId() : role.name) + " in the role hierarchy");
        }
        for (SharingRule rule : m.rules) {
            if (rule.entity.equals(entity) && m.targets(rule, userId)) {
                grant(reasons, readOwners, writeOwners, m.sourceOwners(rule), SharingRule.READ_WRITE.equals(rule.access),
                        "sharing rule '" + rule.name + "' (" + rule.access + ")");
            }
        }
        Set<String> readShared = new HashSet<>();
        Set<String> writeShared = new HashSet<>();
        Set<String> principals = new HashSet<>(m.groupsOf(userId));
        principals.add(userId);
        tx(em -> {
            em.createQuery("SELECT s FROM RecordShare s WHERE s.entity = :e AND s.principalId IN :p", RecordShare.class)
                    .setParameter("e", entity).setParameter("p", principals).getResultList().forEach(s -> {
                        readShared.add(s.recordId);
                        if (SharingRule.READ_WRITE.equals(s.access)) {
                            writeShared.add(s.recordId);
                        }
                    });
            return null;
        });
        boolean publicRead = !OrgWideDefault.PRIVATE.equals(owd.access);
        Visibility read = publicRead || rights.contains(Right.VIEW_ALL) ? Visibility.ALL
                : new Visibility(false, readOwners, readShared);
        Visibility write = OrgWideDefault.PUBLIC_READ_WRITE.equals(owd.access) ? Visibility.ALL
                : new Visibility(false, writeOwners, writeShared);
        return new Decision(Set.copyOf(rights), Map.copyOf(restricted), read, write, reasons, owd.access, false);
    }

    private static void grant(Map<String, List<String>> reasons, Set<String> read, Set<String> write, Set<String> owners,
            boolean readWrite, String why) {
        for (String owner : owners) {
            read.add(owner);
            if (readWrite) {
                write.add(owner);
            }
            reasons.computeIfAbsent(owner, k -> new ArrayList<>()).add(why);
        }
    }

    private <R> R tx(EmFunction<R> work) {
        return Transactions.required(jpa, work);
    }
}
