package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of users' roles, profiles and groups, the role tree, org-wide defaults and sharing
 * rules. Access decisions are computed from it (and cached in it) without a database round trip; any change
 * to the security model replaces the snapshot.
 */
final class SecurityModel {
    record UserInfo(String id, String loginName, String roleId, Set<String> profileIds, boolean active, boolean administrator) {
    }

    final Map<String, UserInfo> users = new HashMap<>();
    final Map<String, SecurityRole> roles = new HashMap<>();
    final Map<String, List<String>> childRoles = new HashMap<>();
    final Map<String, SecurityProfile> profiles = new HashMap<>();
    final Map<String, SecurityGroup> groups = new HashMap<>();
    final Map<String, Set<String>> groupsOfUser = new HashMap<>();
    final Map<String, OrgWideDefault> defaults = new HashMap<>();
    final List<SharingRule> rules = new ArrayList<>();
    /** Computed access per user and entity type; lives as long as this snapshot. */
    final Map<String, Object> cache = new ConcurrentHashMap<>();

    SecurityModel(Collection<UserAccount> userRows, Collection<SecurityRole> roleRows, Collection<SecurityProfile> profileRows,
            Collection<SecurityGroup> groupRows, Collection<OrgWideDefault> defaultRows, Collection<SharingRule> ruleRows) {
        for (UserAccount u : userRows) {
            users.put(u.getId(), new UserInfo(u.getId(), u.getLoginName(), u.getRoleId(), Set.copyOf(u.getProfileIds()),
                    u.isActive(), u.isAdministrator()));
        }
        for (SecurityRole r : roleRows) {
            roles.put(r.getId(), r);
            if (r.parentId != null) {
                childRoles.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r.getId());
            }
        }
        profileRows.forEach(p -> profiles.put(p.getId(), p));
        for (SecurityGroup g : groupRows) {
            groups.put(g.getId(), g);
            g.members.forEach(m -> groupsOfUser.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(g.getId()));
        }
        defaultRows.forEach(d -> defaults.put(d.entity, d));
        rules.addAll(ruleRows);
    }

    /** The role and every role below it. */
    Set<String> roleAndBelow(String roleId) {
        Set<String> all = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(roleId));
        while (!todo.isEmpty()) {
            String r = todo.remove(todo.size() - 1);
            if (all.add(r)) {
                todo.addAll(childRoles.getOrDefault(r, List.of()));
            }
        }
        return all;
    }

    /** The roles strictly below a role. */
    Set<String> rolesBelow(String roleId) {
        Set<String> below = roleAndBelow(roleId);
        below.remove(roleId);
        return below;
    }

    Set<String> usersInRoles(Set<String> roleIds) {
        Set<String> result = new HashSet<>();
        for (UserInfo u : users.values()) {
            if (u.roleId() != null && roleIds.contains(u.roleId())) {
                result.add(u.id());
            }
        }
        return result;
    }

    Set<String> groupsOf(String userId) {
        return groupsOfUser.getOrDefault(userId, Set.of());
    }

    boolean isAdministrator(String userId) {
        UserInfo u = users.get(userId);
        return u != null && u.active() && u.administrator(); // the flag follows the administrator profile
    }

    OrgWideDefault defaultFor(String entity) {
        OrgWideDefault d = defaults.get(entity);
        if (d == null) {
            d = new OrgWideDefault();
            d.entity = entity; // private, with hierarchy: the safe default for a CRM
        }
        return d;
    }

    /** Whether a sharing rule's target (role, role and subordinates, or group) includes the user. */
    boolean targets(SharingRule rule, String userId) {
        UserInfo u = users.get(userId);
        if (u == null) {
            return false;
        }
        switch (rule.targetKind) {
            case SharingRule.ROLE:
                return rule.targetId.equals(u.roleId());
            case SharingRule.ROLE_AND_SUBORDINATES:
                return u.roleId() != null && roleAndBelow(rule.targetId).contains(u.roleId());
            case SharingRule.GROUP:
                return groupsOf(userId).contains(rule.targetId);
            default:
                return false;
        }
    }

    /** The owner ids a sharing rule's source stands for: users of the role(s), or a group and its members. */
    Set<String> sourceOwners(SharingRule rule) {
        switch (rule.sourceKind) {
            case SharingRule.ROLE:
                return usersInRoles(Set.of(rule.sourceId));
            case SharingRule.ROLE_AND_SUBORDINATES:
                return usersInRoles(roleAndBelow(rule.sourceId));
            case SharingRule.GROUP:
                SecurityGroup g = groups.get(rule.sourceId);
                Set<String> owners = new HashSet<>();
                owners.add(rule.sourceId);
                if (g != null) {
                    owners.addAll(g.members);
                }
                return owners;
            default:
                return Set.of();
        }
    }
}
