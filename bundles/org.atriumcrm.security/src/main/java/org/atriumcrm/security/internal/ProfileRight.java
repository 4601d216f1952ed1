package org.atriumcrm.security.internal;

import java.util.EnumSet;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.atriumcrm.api.security.Right;

/** Rights of a profile on one entity type, stored as a comma-separated list of {@link Right} names. */
@Embeddable
public class ProfileRight {
    @Column(name = "ENTITY_NAME", length = 100, nullable = false)
    String entity;
    @Column(name = "RIGHTS_LIST", length = 200)
    String list;

    public ProfileRight() {
    }

    ProfileRight(String entity, Set<Right> rights) {
        this.entity = entity;
        this.list = String.join(",", rights.stream().map(Right::name).toList());
    }

    Set<Right> rights() {
        Set<Right> set = EnumSet.noneOf(Right.class);
        if (list != null && !list.isBlank()) {
            for (String name : list.split(",")) {
                set.add(Right.valueOf(name));
            }
        }
        return set;
    }
}

