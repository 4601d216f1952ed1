package org.atriumcrm.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.security.Caller;
import org.junit.Test;

public class SecurityModelTest {
    private static int ids;

    private static String id() {
        return String.format("01900000-0000-7000-8000-%012d", ++ids);
    }

    private static SecurityRole role(String name, String parent) {
        SecurityRole r = new SecurityRole();
        r.initialise(id(), Instant.now(), Caller.SYSTEM);
        r.name = name;
        r.parentId = parent == null ? null : parent;
        return r;
    }

    private static UserAccount user(String login, SecurityRole role) {
        UserAccount u = new UserAccount();
        u.initialise(id(), Instant.now(), Caller.SYSTEM);
        u.setLoginName(login);
        u.setRoleId(role == null ? null : role.getId());
        return u;
    }

    private static SharingRule rule(String sourceKind, String sourceId, String targetKind, String targetId) {
        SharingRule r = new SharingRule();
        r.initialise(id(), Instant.now(), Caller.SYSTEM);
        r.entity = "Account";
        r.sourceKind = sourceKind;
        r.sourceId = sourceId;
        r.targetKind = targetKind;
        r.targetId = targetId;
        return r;
    }

    @Test
    public void hierarchyRulesAndGroupsResolveToPeople() {
        SecurityRole director = role("Director", null);
        SecurityRole east = role("Manager East", director.getId());
        SecurityRole repEast = role("Rep East", east.getId());
        SecurityRole west = role("Manager West", director.getId());
        SecurityRole repWest = role("Rep West", west.getId());
        UserAccount boss = user("boss", director);
        UserAccount managerEast = user("manager.east", east);
        UserAccount a = user("rep.a", repEast);
        UserAccount b = user("rep.b", repWest);
        UserAccount loner = user("loner", null);
        loner.setAdministrator(true);
        SecurityGroup key = new SecurityGroup();
        key.initialise(id(), Instant.now(), Caller.SYSTEM);
        key.members.add(b.getId());
        SharingRule eastToWest = rule(SharingRule.ROLE_AND_SUBORDINATES, east.getId(), SharingRule.ROLE, repWest.getId());
        SharingRule groupToEast = rule(SharingRule.GROUP, key.getId(), SharingRule.ROLE_AND_SUBORDINATES, east.getId());

        SecurityModel m = new SecurityModel(List.of(boss, managerEast, a, b, loner),
                List.of(director, east, repEast, west, repWest), List.of(), List.of(key), List.of(),
                List.of(eastToWest, groupToEast));

        assertEquals(Set.of(director.getId(), east.getId(), repEast.getId(), west.getId(), repWest.getId()),
                m.roleAndBelow(director.getId()));
        assertEquals(Set.of(repEast.getId()), m.rolesBelow(east.getId()));
        assertEquals(Set.of(a.getId()), m.usersInRoles(m.rolesBelow(east.getId())));
        assertEquals(Set.of(managerEast.getId(), a.getId(), b.getId()), m.usersInRoles(m.rolesBelow(director.getId()))
                .stream().filter(id -> !id.equals(boss.getId())).collect(java.util.stream.Collectors.toSet()));

        assertTrue(m.targets(eastToWest, b.getId()));
        assertFalse("role, not role and subordinates", m.targets(eastToWest, boss.getId()));
        assertEquals(Set.of(managerEast.getId(), a.getId()), m.sourceOwners(eastToWest));
        assertTrue(m.targets(groupToEast, a.getId()));
        assertTrue(m.targets(groupToEast, managerEast.getId()));
        assertFalse(m.targets(groupToEast, b.getId()));
        assertEquals("a group owns records itself, and its members'", Set.of(key.getId(), b.getId()), m.sourceOwners(groupToEast));
        assertEquals(Set.of(key.getId()), m.groupsOf(b.getId()));

        assertTrue(m.isAdministrator(loner.getId()));
        assertFalse(m.isAdministrator(a.getId()));
        assertEquals("private with hierarchy unless an admin says otherwise", OrgWideDefault.PRIVATE, m.defaultFor("Account").access);
        assertTrue(m.defaultFor("Account").useHierarchy);
    }
}
