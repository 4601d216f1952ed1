package org.atriumcrm.sms.internal;

import org.apache.camel.CamelContext;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.integration.api.CamelContexts;
import org.atriumcrm.integration.api.outbox.OutboxDrainer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS module's CamelContext ({@code atrium-sms}): the configured gateway's routes and the platform's outbox
 * drainer ({@code sms-outbox}). A configuration change deactivates and reactivates this component (no
 * {@code @Modified}): the new gateway comes with a fresh context, binds and all.
 */
@Component(immediate = true, configurationPid = "org.atriumcrm.sms")
@Designate(ocd = SmsSettings.class)
public class SmsDrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SmsDrainer.class);

    private final CamelContext camel;
    private final OutboxDrainer drainer;
    private final SmsGateway gateway;
    private final SmsOutbox outbox;
    private final SmsOutbox.Policy policy;

    @Activate
    public SmsDrainer(BundleContext context, @Reference SmsStore store, @Reference SmsInbox inbox, SmsSettings settings,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) throws Exception {
        this.outbox = new SmsOutbox(store, inbox);
        this.policy = SmsOutbox.Policy.of(settings);
        this.camel = CamelContexts.newOsgiContext(context, "atrium-sms");
        // started before any route is added: routes added to an OsgiDefaultCamelContext before start() never run
        camel.start();
        try {
            this.gateway = gateway(camel, settings, inbox);
            this.drainer = OutboxDrainer.start(camel, "sms-outbox", policy.pollMillis(), this::drain);
        } catch (Exception | Error e) {
            camel.stop(); // DS will not call @Deactivate after a failed activation: the context and its binds would linger
            throw e;
        }
        LOG.info("SMS outbox sends through gateway {}", gateway == null ? "none (messages wait in the outbox)" : gateway.name());
    }

    /** The configured gateway on a started context, or null for none (or an incomplete configuration). */
    static SmsGateway gateway(CamelContext camel, SmsSettings s, SmsReceiver receiver) throws Exception {
        switch (s.gateway() == null ? "none" : s.gateway().strip()) {
            case "smpp":
                if (s.smppHost().isBlank()) {
                    LOG.warn("SMS gateway smpp has no smppHost: messages wait in the outbox");
                    return null;
                }
                SmppGateway.Options account = new SmppGateway.Options(s.smppHost(), s.smppPort(), s.smppSystemId(),
                        s.smppPassword(), s.smppSystemType(), s.smppSourceAddr());
                String problem = SmppGateway.problem(account);
                if (problem != null) {
                    LOG.error("SMS gateway smpp is misconfigured ({}): messages wait in the outbox", problem);
                    return null;
                }
                SmppGateway smpp = new SmppGateway(camel, account, receiver, s.defaultCountryCode());
                smpp.start();
                return smpp;
            case "http":
                if (s.httpUrl().isBlank()) {
                    LOG.warn("SMS gateway http has no httpUrl: messages wait in the outbox");
                    return null;
                }
                return new HttpGateway(camel, new HttpGateway.Options(s.httpUrl(), s.httpMethod(), s.httpBodyTemplate(),
                        !"form".equalsIgnoreCase(s.httpContentType()), s.httpAuthHeader(), s.httpSuccessPattern(),
                        s.httpMessageIdPattern(), s.httpSignature(), s.httpTemplateCode()));
            default:
                return null;
        }
    }

    @Deactivate
    void stop() {
        drainer.close();
        camel.stop();
    }

    private void drain() throws InterruptedException {
        if (gateway == null) {
            return; // no gateway configured: messages wait in the outbox
        }
        if (gateway instanceof SmppGateway smpp) {
            smpp.ensureReceiving();
        }
        outbox.drain(gateway, policy);
    }
}
