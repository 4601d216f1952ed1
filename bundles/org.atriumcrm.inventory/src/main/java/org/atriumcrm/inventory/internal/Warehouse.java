package org.atriumcrm.inventory.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A place stock is kept in; one is the default for documents that name none. */
@Entity(name = "Warehouse")
@Table(name = "ATRIUM_WAREHOUSE")
public class Warehouse extends BaseRecord {
    @Column(name = "CODE", length = 30)
    private String code;
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "ADDRESS", length = 1000)
    private String address;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "IS_DEFAULT")
    private Boolean defaultWarehouse;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public Boolean getDefaultWarehouse() {
        return defaultWarehouse;
    }

    public void setDefaultWarehouse(Boolean defaultWarehouse) {
        this.defaultWarehouse = defaultWarehouse;
    }
}
