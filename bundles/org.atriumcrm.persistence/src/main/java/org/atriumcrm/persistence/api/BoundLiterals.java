package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import org.atriumcrm.persistence.internal.CharacterColumns;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Makes EclipseLink send the values of criteria queries as JDBC parameters on Derby. EclipseLink's Derby platform
 * (a DB2 platform) prints them into the SQL text by default ({@code WHERE NAME_KEY = 'acme'}), so every filter value,
 * duplicate probe, quick search and id list was a new statement text that Derby compiled to bytecode anew — most
 * of the time of a create (thread dumps: {@code GenericStatement.prepare} under {@code findDuplicates}). Bound, the
 * statement is compiled once and taken from Derby's statement cache afterwards. Where Derby cannot take an untyped
 * parameter (e.g. both sides of a comparison), {@code eclipselink.jdbc.allow-partial-bind-parameters} keeps the
 * literal. Every Atrium persistence unit names this class as its {@code eclipselink.session.customizer}, so it also
 * sizes text columns for characters ({@link CharacterColumns}).
 */
@ProviderType
public class BoundLiterals implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getPlatform().setShouldBindLiterals(true);
        CharacterColumns.widen(session);
        // the platform is detected again when the session logs in (a new DerbyPlatform, literals inlined): set it there too
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postLogin(SessionEvent event) {
                event.getSession().getPlatform().setShouldBindLiterals(true);
            }
        });
    }
}
