package org.atriumcrm.integration.api.outbox;

import java.util.List;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.osgi.annotation.versioning.ProviderType;

/** The metadata of an outbox entry's own fields, the same in every channel but for the words of a delivery. */
@ProviderType
public final class OutboxFields {

    private OutboxFields() {
    }

    /**
     * Status, attempts, next attempt, last error and delivery time, read-only; {@code delivered} and
     * {@code deliveredAt} are the channel's words (en, zh-CN) for a handed-over message and its time.
     */
    public static <E extends OutboxEntry> List<FieldDef<E>> of(String deliveredEn, String deliveredZh, String deliveredAtEn, String deliveredAtZh) {
        return List.of(FieldDef.<E, String>of("status", FieldType.PICKLIST, OutboxEntry::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(OutboxEntry.PENDING, "Waiting to be sent", "等待发送"),
                                PicklistValue.of(OutboxEntry.DELIVERED, deliveredEn, deliveredZh),
                                PicklistValue.of(OutboxEntry.DEAD, "Given up (dead letter)", "已放弃（死信）")),
                FieldDef.<E, Long>of("attempts", FieldType.INTEGER, OutboxEntry::getAttempts, null).label("Attempts", "尝试次数"),
                FieldDef.<E, Object>of("nextAttemptAt", FieldType.DATETIME, OutboxEntry::getNextAttemptAt, null).label("Next attempt", "下次尝试"),
                FieldDef.<E, String>of("lastError", FieldType.STRING, OutboxEntry::getLastError, null).label("Last error", "最近错误"),
                FieldDef.<E, Object>of("deliveredAt", FieldType.DATETIME, OutboxEntry::getDeliveredAt, null).label(deliveredAtEn, deliveredAtZh));
    }
}
