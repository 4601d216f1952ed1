package org.atriumcrm.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.atriumcrm.api.security.Authenticator;
import org.atriumcrm.api.security.Caller;

/**
 * Logs Karaf's shell, SSH and JMX users in against Atrium's users (same passwords, lockout and login audit as the
 * API, with the source "karaf-shell"). Administrators get Karaf's operator roles; everyone else is refused.
 */
public class AtriumLoginModule implements LoginModule {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AtriumLoginModule.class);
    static final String AUTHENTICATOR_OPTION = "atrium.authenticator";
    /** The roles Karaf's own admin group grants: the console, its commands, JMX and SSH. */
    static final List<String> OPERATOR_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private Subject subject;
    private CallbackHandler callbacks;
    private Authenticator authenticator;
    private Caller caller;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (authenticator == null) {
            throw new LoginException("Atrium's user service is not available");
        }
        NameCallback name = new NameCallback("Login: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        String login = name.getName();
        char[] secret = password.getPassword();
        password.clearPassword();
        if (login == null || secret == null) {
            throw new FailedLoginException("login and password are required");
        }
        Optional<Caller> user = authenticator.authenticatePassword(login, new String(secret), "karaf-shell");
        if (user.isEmpty()) {
            throw new FailedLoginException("wrong login or password, or the user is locked or inactive");
        }
        if (!user.get().administrator()) {
            // the password check itself was audited as a success: say here why the shell still refused
            LOG.warn("karaf shell refused to {}: not an administrator", login.replaceAll("[\\r\\n]", "_"));
            throw new FailedLoginException(login + " is not an administrator");
        }
        caller = user.get();
        return true;
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        added.add(new UserPrincipal(caller.loginName()));
        OPERATOR_ROLES.forEach(role -> added.add(new RolePrincipal(role)));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        caller = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        caller = null;
        return true;
    }
}
