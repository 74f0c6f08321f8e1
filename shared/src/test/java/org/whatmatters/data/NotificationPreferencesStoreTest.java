package org.whatmatters.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.QuietHours;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.testing.TestTable;

/** A family member's notification choices on DynamoDB Local: defaults until chosen, one item per person. */
class NotificationPreferencesStoreTest {

    private final TestTable table = new TestTable();
    private final NotificationPreferencesStore store = new NotificationPreferencesStore(table.data());

    @Test
    void theDefaultsApplyUntilAChoiceIsSavedAndWhatIsSavedReadsBackWhole() {
        assertEquals(NotificationPreferences.defaults("f-maria", "c-rosa"), store.of("f-maria", "c-rosa"));
        assertEquals(List.of(), table.snapshot(), "reading the defaults writes nothing");

        NotificationPreferences chosen = new NotificationPreferences("f-maria", "c-rosa",
                Map.of(UpdateKind.ARRIVED, Set.of(Channel.EMAIL, Channel.PUSH), UpdateKind.VISIT_MISSED, Set.of(Channel.SMS)),
                new QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 0), false));
        store.put(chosen);
        assertEquals(chosen, store.of("f-maria", "c-rosa"));
        assertEquals(NotificationPreferences.defaults("f-maria", "c-other"), store.of("f-maria", "c-other"));
        assertEquals(NotificationPreferences.defaults("f-tom", "c-rosa"), store.of("f-tom", "c-rosa"),
                "one person's choices are not another's");

        NotificationPreferences other = NotificationPreferences.defaults("f-maria", "c-arthur").without(
                UpdateKind.WEEKLY_DIGEST, Channel.EMAIL);
        store.put(other);
        assertEquals(Set.of(chosen, other), Set.copyOf(store.ofRecipient("f-maria")));
        assertEquals(List.of(), store.ofRecipient("f-tom"));
        assertEquals(Set.of(Keys.notificationPreferences("f-maria")),
                Set.copyOf(table.snapshot().stream().map(i -> i.get(Keys.PK).s()).toList()));
    }
}
