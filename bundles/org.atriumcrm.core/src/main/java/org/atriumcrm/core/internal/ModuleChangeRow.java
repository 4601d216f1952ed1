package org.atriumcrm.core.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.api.module.ModuleChange;
import org.atriumcrm.persistence.api.InstantConverter;

/** A row of the module change log; append-only, so it has no version or soft delete. */
@Entity(name = "ModuleChange")
@Table(name = "ATRIUM_MODULE_CHANGE", indexes = @Index(name = "IX_MODULE_CHANGE", columnList = "MODULE_ID, CHANGED_AT"))
public class ModuleChangeRow {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "MODULE_ID", length = 100, nullable = false)
    private String moduleId;
    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;
    @Column(name = "CASCADED_MODULES", length = 2000) // CASCADED is reserved in SQL
    private String cascaded;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "LOGIN_NAME", length = 100)
    private String loginName;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    static ModuleChangeRow of(ModuleChange c) {
        ModuleChangeRow row = new ModuleChangeRow();
        row.id = c.id();
        row.moduleId = c.moduleId();
        row.enabled = c.enabled();
        row.cascaded = String.join(",", c.cascaded());
        row.userId = c.userId();
        row.loginName = c.loginName();
        row.changedAt = c.at();
        return row;
    }

    ModuleChange toChange() {
        List<String> others = cascaded == null || cascaded.isEmpty() ? List.of() : Arrays.asList(cascaded.split(","));
        return new ModuleChange(id, moduleId, enabled, others, userId, loginName, changedAt);
    }
}
