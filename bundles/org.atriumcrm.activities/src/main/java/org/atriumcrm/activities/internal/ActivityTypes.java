package org.atriumcrm.activities.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the activities module, in English and Simplified Chinese. */
final class ActivityTypes {
    static final String MODULE = "activities";
    static final String UNIT = "atrium.activities";

    static final String TASK = "task";
    static final String MEETING = "meeting";
    static final String CALL = "call";
    /** The statuses of a meeting or call, and of a task: a status of the other kind is refused. */
    static final Set<String> EVENT_STATUSES = Set.of("planned", "held", "not_held", "cancelled");
    static final Set<String> TASK_STATUSES = Set.of("open", "in_progress", "done");
    static final String MAIL = "mail";
    static final String SMS = "sms";
    /** The zone of an activity without one: the platform's users are mostly in mainland China. */
    static final String DEFAULT_ZONE = "Asia/Shanghai";

    static final EntityType<Activity> ACTIVITY_TYPE = activity();
    static final EntityType<ActivityParticipant> PARTICIPANT_TYPE = participant();
    static final EntityType<ActivityOccurrenceChange> OCCURRENCE_TYPE = occurrenceChange();
    static final List<EntityType<?>> ALL = List.of(ACTIVITY_TYPE, PARTICIPANT_TYPE, OCCURRENCE_TYPE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private ActivityTypes() {
    }

    private static EntityType<Activity> activity() {
        return EntityType.builder("Activity", "activities", Activity.class, Activity::new)
                .module(MODULE).menuOrder(60)
                .label("Activity", "活动")
                .pluralLabel("Activities", "活动")
                .field(FieldDef.of("kind", FieldType.PICKLIST, Activity::getKind, Activity::setKind)
                        .label("Kind", "类型").required().picklist(
                                PicklistValue.of(TASK, "Task", "任务"),
                                PicklistValue.of(MEETING, "Meeting", "会议"),
                                PicklistValue.of(CALL, "Call", "电话")))
                .field(FieldDef.of("subject", FieldType.STRING, Activity::getSubject, Activity::setSubject)
                        .label("Subject", "主题").required().maxLength(255).searchable())
                .field(FieldDef.of("description", FieldType.TEXT, Activity::getDescription, Activity::setDescription)
                        .label("Description", "描述").maxLength(4000).notFilterable())
                .field(FieldDef.of("startAt", FieldType.DATETIME, Activity::getStartAt, Activity::setStartAt)
                        .label("Start (meetings and calls; a task's when it is planned for a time)", "开始时间"))
                .field(FieldDef.of("endAt", FieldType.DATETIME, Activity::getEndAt, Activity::setEndAt)
                        .label("End", "结束时间"))
                .field(FieldDef.of("dueAt", FieldType.DATETIME, Activity::getDueAt, Activity::setDueAt)
                        .label("Due (tasks)", "截止时间"))
                .field(FieldDef.of("allDay", FieldType.BOOLEAN, Activity::getAllDay, Activity::setAllDay)
                        .label("All day", "全天"))
                .field(FieldDef.of("location", FieldType.STRING, Activity::getLocation, Activity::setLocation)
                        .label("Location", "地点").maxLength(255).searchable())
                .field(FieldDef.of("status", FieldType.PICKLIST, Activity::getStatus, Activity::setStatus)
                        .label("Status (planned or open when empty)", "状态（为空时为计划中或未开始）").picklist(
                                PicklistValue.of("planned", "Planned", "计划中"),
                                PicklistValue.of("held", "Held", "已举行"),
                                PicklistValue.of("not_held", "Not held", "未举行"),
                                PicklistValue.of("cancelled", "Cancelled", "已取消"),
                                PicklistValue.of("open", "Open", "未开始"),
                                PicklistValue.of("in_progress", "In progress", "进行中"),
                                PicklistValue.of("done", "Done", "已完成")))
                .field(FieldDef.of("priority", FieldType.PICKLIST, Activity::getPriority, Activity::setPriority)
                        .label("Priority", "优先级").picklist(
                                PicklistValue.of("high", "High", "高"),
                                PicklistValue.of("normal", "Normal", "中"),
                                PicklistValue.of("low", "Low", "低")))
                .field(FieldDef.of("outcome", FieldType.TEXT, Activity::getOutcome, Activity::setOutcome)
                        .label("Outcome", "结果").maxLength(2000).notFilterable())
                // any entity, the plugins' included: a name and an id, checked by the store against the record stores
                // that run now (a record of a module disabled later keeps its activities)
                .field(FieldDef.of("relatedEntity", FieldType.STRING, Activity::getRelatedEntity, Activity::setRelatedEntity)
                        .label("Related record's type", "相关记录类型").maxLength(80))
                .field(FieldDef.of("relatedId", FieldType.STRING, Activity::getRelatedId, Activity::setRelatedId)
                        .label("Related record", "相关记录").maxLength(36))
                .field(FieldDef.of("recurrence", FieldType.STRING, Activity::getRecurrence, Activity::setRecurrence)
                        .label("Recurrence (RFC 5545 RRULE: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with COUNT or UNTIL)",
                                "重复规则（RFC 5545 RRULE：FREQ 为 DAILY、WEEKLY、MONTHLY 或 YEARLY，须有 COUNT 或 UNTIL）")
                        .maxLength(500).notSortable())
                .field(FieldDef.of("timeZone", FieldType.STRING, Activity::getTimeZone, Activity::setTimeZone)
                        .label("Time zone (Asia/Shanghai when empty)", "时区（为空时为 Asia/Shanghai）").maxLength(60))
                .field(FieldDef.of("reminderMinutes", FieldType.INTEGER, Activity::getReminderMinutes, Activity::setReminderMinutes)
                        .label("Remind minutes before (none when empty)", "提前提醒分钟数（为空时不提醒）"))
                .field(FieldDef.of("reminderChannels", FieldType.STRING, Activity::getReminderChannels, Activity::setReminderChannels)
                        .label("Remind by (mail, sms; comma-separated, mail when empty)", "提醒方式（mail、sms，逗号分隔，为空时为 mail）")
                        .maxLength(20).pattern("(mail|sms)(,(mail|sms))?", "must be mail, sms or mail,sms"))
                .field(FieldDef.<Activity, java.time.Instant>of("seriesEnd", FieldType.DATETIME, Activity::getSeriesEnd, null)
                        .label("Last occurrence ends", "最后一次结束时间"))
                .relatedList("participants", "ActivityParticipant", "activityId", "Participants", "参与人")
                .relatedList("occurrenceChanges", "ActivityOccurrenceChange", "activityId", "Changed occurrences", "单次变更")
                .displayName(Activity::getSubject)
                .defaultSort("startAt", true)
                .build();
    }

    private static EntityType<ActivityParticipant> participant() {
        return EntityType.builder("ActivityParticipant", "activity-participants", ActivityParticipant.class, ActivityParticipant::new)
                .module(MODULE).detail()
                .label("Participant", "参与人")
                .pluralLabel("Participants", "参与人")
                .field(FieldDef.of("activityId", FieldType.REFERENCE, ActivityParticipant::getActivityId, ActivityParticipant::setActivityId)
                        .label("Activity", "活动").required().referenceTo("Activity"))
                .field(FieldDef.of("userId", FieldType.REFERENCE, ActivityParticipant::getUserId, ActivityParticipant::setUserId)
                        .label("User", "用户").referenceTo("User"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, ActivityParticipant::getContactId, ActivityParticipant::setContactId)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.of("response", FieldType.PICKLIST, ActivityParticipant::getResponse, ActivityParticipant::setResponse)
                        .label("Response (needs action when empty)", "答复（为空时为待答复）").picklist(
                                PicklistValue.of("needs_action", "Needs action", "待答复"),
                                PicklistValue.of("accepted", "Accepted", "已接受"),
                                PicklistValue.of("tentative", "Tentative", "暂定"),
                                PicklistValue.of("declined", "Declined", "已拒绝")))
                .displayName(p -> p.getUserId() != null ? p.getUserId() : p.getContactId())
                .defaultSort("createdAt", false)
                .build();
    }

    private static EntityType<ActivityOccurrenceChange> occurrenceChange() {
        return EntityType.builder("ActivityOccurrenceChange", "activity-occurrence-changes", ActivityOccurrenceChange.class,
                ActivityOccurrenceChange::new)
                .module(MODULE).detail()
                .label("Changed occurrence", "单次变更")
                .pluralLabel("Changed occurrences", "单次变更")
                .field(FieldDef.of("activityId", FieldType.REFERENCE, ActivityOccurrenceChange::getActivityId, ActivityOccurrenceChange::setActivityId)
                        .label("Activity", "活动").required().referenceTo("Activity"))
                .field(FieldDef.of("originalStart", FieldType.DATETIME, ActivityOccurrenceChange::getOriginalStart,
                        ActivityOccurrenceChange::setOriginalStart)
                        .label("Occurrence (its start by the rule)", "原定开始时间").required())
                .field(FieldDef.of("cancelled", FieldType.BOOLEAN, ActivityOccurrenceChange::getCancelled, ActivityOccurrenceChange::setCancelled)
                        .label("Cancelled", "已取消"))
                .field(FieldDef.of("newStart", FieldType.DATETIME, ActivityOccurrenceChange::getNewStart, ActivityOccurrenceChange::setNewStart)
                        .label("New start", "新开始时间"))
                .field(FieldDef.of("newEnd", FieldType.DATETIME, ActivityOccurrenceChange::getNewEnd, ActivityOccurrenceChange::setNewEnd)
                        .label("New end", "新结束时间"))
                .field(FieldDef.of("subject", FieldType.STRING, ActivityOccurrenceChange::getSubject, ActivityOccurrenceChange::setSubject)
                        .label("Subject of this occurrence", "本次主题").maxLength(255))
                .field(FieldDef.of("location", FieldType.STRING, ActivityOccurrenceChange::getLocation, ActivityOccurrenceChange::setLocation)
                        .label("Location of this occurrence", "本次地点").maxLength(255))
                .displayName(c -> String.valueOf(c.getOriginalStart()))
                .defaultSort("originalStart", false)
                .build();
    }
}
