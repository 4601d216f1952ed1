package org.atriumcrm.mail.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The scanner's records that only the scanner writes: received attachments and unfiled messages (dead letters). */
final class ScannerStores {
    private ScannerStores() {
    }

    @Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=EmailAttachment")
    public static class Attachments extends SystemWrittenStore<EmailAttachment> {
        @Activate
        public Attachments(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
            super(ScannerTypes.ATTACHMENT, jpa, events, MailTypes.ALL, "the mail scanner");
        }
    }

    @Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=MailScanFailure")
    public static class Failures extends SystemWrittenStore<MailScanFailure> {
        @Activate
        public Failures(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
            super(ScannerTypes.FAILURE, jpa, events, MailTypes.ALL, "the mail scanner; replay one with POST /api/v1/mail-scan-failures/{id}/replay");
        }
    }
}
