package org.atriumcrm.commerce.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link DocumentNumbers} on the platform's database, each number taken in its own short transaction so that it is
 * never held by, nor rolled back with, the document that uses it. Not gated by the commerce module: numbers are
 * part of the shared infrastructure the order-to-cash modules need whenever any of them is enabled.
 */
@Component(service = DocumentNumbers.class)
public class DocumentNumbersService implements DocumentNumbers {
    private final JpaTemplate jpa;
    private final SequenceNumbers sequences = new SequenceNumbers();

    @Activate
    public DocumentNumbersService(@Reference(target = "(osgi.unit.name=atrium.commerce)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String next(String series) {
        SequenceNumbers.checkSeries(series);
        int year = LocalDate.now(ZoneId.systemDefault()).getYear();
        return Transactions.required(jpa, em -> {
            try {
                return sequences.next(em.unwrap(Connection.class), series, year);
            } catch (SQLException e) {
                throw new IllegalStateException("could not take the next number of series " + series + ": " + e.getMessage(), e);
            }
        });
    }
}
