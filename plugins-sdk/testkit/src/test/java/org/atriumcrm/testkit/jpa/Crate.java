package org.atriumcrm.testkit.jpa;

import javax.persistence.Entity;
import javax.persistence.Id;

@Entity
public class Crate {
    @Id
    public String id;
}
