package org.atriumcrm.activities.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** Who takes part in an activity: one of our users or a contact, and their answer to the invitation. */
@Entity(name = "ActivityParticipant")
@Table(name = "ATRIUM_ACTIVITY_PARTICIPANT", indexes = @Index(name = "IX_PARTICIPANT_ACTIVITY", columnList = "ACTIVITY_ID"))
public class ActivityParticipant extends BaseRecord {
    @Column(name = "ACTIVITY_ID", length = 36)
    private String activityId;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "RESPONSE", length = 20)
    private String response;

    public String getActivityId() {
        return activityId;
    }

    public void setActivityId(String activityId) {
        this.activityId = activityId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }
}
