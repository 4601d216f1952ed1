package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.persistence.api.BaseRecord;

/**
 * What its users may do per entity type ({@code *} = every entity type without a line of its own), and
 * field-level security: fields hidden or read-only. A user's rights are the union of their profiles.
 */
@Entity(name = "SecurityProfile")
@Table(name = "ATRIUM_PROFILE")
public class SecurityProfile extends BaseRecord {
    static final String ANY_ENTITY = "*";

    @Column(name = "NAME", length = 100, nullable = false)
    String name;
    @Column(name = "DESCRIPTION", length = 1000)
    String description;
    @Column(name = "BUILT_IN")
    Boolean builtIn = Boolean.FALSE;
    /** Everything, everywhere, including the administration API. Only the built-in administrator profile. */
    @Column(name = "ADMINISTRATOR")
    Boolean administrator = Boolean.FALSE;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ATRIUM_PROFILE_RIGHT", joinColumns = @JoinColumn(name = "PROFILE_ID"))
    List<ProfileRight> rights = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ATRIUM_PROFILE_FIELD", joinColumns = @JoinColumn(name = "PROFILE_ID"))
    List<ProfileFieldRule> fields = new ArrayList<>();

    boolean isAdministrator() {
        return Boolean.TRUE.equals(administrator);
    }

    /** The rights on an entity type: its own line, else the {@code *} line (unless {@code explicitOnly}), else none. */
    Set<Right> rightsOn(String entity, boolean explicitOnly) {
        ProfileRight any = null;
        for (ProfileRight r : rights) {
            if (r.entity.equals(entity)) {
                return r.rights();
            }
            if (r.entity.equals(ANY_ENTITY)) {
                any = r;
            }
        }
        return any == null || explicitOnly ? EnumSet.noneOf(Right.class) : any.rights();
    }
}
