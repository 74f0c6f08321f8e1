package org.whatmatters.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.testing.TestTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Transaction.createAll (through InvitationStore): many new items in as few transactions as DynamoDB takes. */
class BulkCreateTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private static Invitation invitation(int i) {
        return new Invitation("sp-bulk", "ct-1", RespondentType.FAMILY, "f-" + i, "c-" + i % 7, i % 2 == 0 ? "t-a" : "t-b",
                "a-1", AT);
    }

    @Test
    void moreThanOneTransactionTakesAreAllWrittenAndCountedAsOneByOneWouldBe() {
        TestTable table = new TestTable();
        InvitationStore store = new InvitationStore(table.data());
        List<Invitation> all = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            all.add(invitation(i));
        }
        store.createAll(all);
        assertEquals(all.size(), store.ofPeriod("sp-bulk").size());

        // What createAll leaves to the caller, counted as invite() counts one.
        TestTable oneByOne = new TestTable();
        new InvitationStore(oneByOne.data()).invite(invitation(1));
        AggregateStore aggregates = new AggregateStore(oneByOne.data());
        assertEquals(Map.of(Counter.INVITATIONS, 1L), aggregates.read(AggregateKey.period("sp-bulk")));
        assertEquals(Map.of(Counter.INVITATIONS, 1L), aggregates.read(AggregateKey.periodTeam("sp-bulk", "t-b")));
        assertEquals(List.of(AggregateKey.period("sp-bulk"), AggregateKey.periodTeam("sp-bulk", "t-b")),
                InvitationStore.counted(invitation(1)).stream().map(Counters::key).toList());
    }

    @Test
    void anItemThatExistsFailsItsTransactionAndWritesNothingOfIt() {
        TestTable table = new TestTable();
        InvitationStore store = new InvitationStore(table.data());
        store.createAll(List.of(invitation(0)));
        List<Map<String, AttributeValue>> before = table.snapshot();
        assertThrows(Transaction.ConditionFailed.class, () -> store.createAll(List.of(invitation(1), invitation(0))));
        assertEquals(before, table.snapshot());
    }
}
