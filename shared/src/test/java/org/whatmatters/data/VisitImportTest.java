package org.whatmatters.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.TestTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** VisitStore.createAll: many visits in as few transactions as DynamoDB takes, on DynamoDB Local. */
class VisitImportTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private static Visit visit(String id, String clientId, String address) {
        return new Visit(id, clientId, "t-import", ServiceType.PERSONAL_CARE, LocalDate.of(2026, 11, 2), AT,
                AT.plusSeconds(3600), List.of("w-1"), address == null ? null : new Location(address, 53.8, -1.5),
                VisitStatus.PLANNED, null, null, null, null, null, null, null, null, false, null, null, null, "a-1", AT,
                AT, 1);
    }

    @Test
    void moreVisitsThanOneTransactionTakesAreAllWrittenWithEachAddressOnce() {
        TestTable table = new TestTable();
        VisitStore visits = new VisitStore(table.data());
        List<Visit> all = new ArrayList<>();
        // 150 visits of two people (two addresses each, interleaved): more than one transaction's 100 actions.
        for (int i = 0; i < 150; i++) {
            String client = i % 2 == 0 ? "c-a" : "c-b";
            all.add(visit("v-import-" + i, client, client + (i % 4 < 2 ? " home" : " day centre")));
        }
        all.add(visit("v-import-nowhere", "c-a", null));
        visits.createAll(all);

        for (Visit v : all) {
            assertEquals(v, visits.find(v.visitId()).orElseThrow(), v.visitId());
        }
        List<Map<String, AttributeValue>> items = table.snapshot();
        assertEquals(all.size(), items.stream().filter(i -> i.get(Keys.SK).s().equals("VISIT")).count());
        List<String> addresses = items.stream().filter(i -> i.get(Keys.SK).s().startsWith(Keys.ADDRESS_PREFIX))
                .map(i -> i.get(Keys.PK).s() + " " + i.get("address").s()).sorted().toList();
        assertEquals(List.of(Keys.client("c-a") + " c-a day centre", Keys.client("c-a") + " c-a home",
                Keys.client("c-b") + " c-b day centre", Keys.client("c-b") + " c-b home"), addresses);
    }

    @Test
    void anImportWithAVisitThatExistsIsRefusedAndWritesNothingOfItsTransaction() {
        TestTable table = new TestTable();
        VisitStore visits = new VisitStore(table.data());
        visits.create(visit("v-there", "c-a", "c-a home"));
        List<Map<String, AttributeValue>> before = table.snapshot();

        ProblemException refused = assertThrows(ProblemException.class, () -> visits.createAll(
                List.of(visit("v-new", "c-a", "c-a flat"), visit("v-there", "c-a", "c-a home"))));
        assertEquals(409, refused.problem().status());
        assertEquals(before, table.snapshot());
        assertTrue(visits.find("v-new").isEmpty());
    }
}
