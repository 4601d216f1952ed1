package org.atriumcrm.testkit.jpa;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.ManyToOne;

@Entity
public class Parcel {
    @Id
    public String id;
    // a foreign key: the crate's row cannot be deleted while a parcel references it
    @ManyToOne
    public Crate crate;
}
