package org.whatmatters.notifications;

import java.util.List;
import java.util.Map;

/**
 * The body of PUT /me/notification-preferences, as sent: one person's channels per kind (kinds left out keep
 * their channels) and, optionally, the quiet hours. Read as text so each mistake is named by field.
 */
public record PreferencesChoice(String clientId, Map<String, List<String>> channels, QuietHoursChoice quietHours) {

    public record QuietHoursChoice(String from, String until, Boolean holdUntilMorning) {
    }
}
