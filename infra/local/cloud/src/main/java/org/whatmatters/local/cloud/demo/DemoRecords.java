package org.whatmatters.local.cloud.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.ShiftStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.HealthEventType;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.SharingConsent;
import org.whatmatters.domain.Shift;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.health.RecordHealthEvent;
import org.whatmatters.shifts.ShiftService;
import org.whatmatters.stories.RecordStory;

/**
 * Outcome stories and health events of the last four weeks, through the domain services, and paid
 * shifts written as their service would, with their counters summed.
 */
final class DemoRecords {

    private record Story(String title, String text, List<OutcomeDomain> domains, SharingConsent consent) {
    }

    private static final List<Story> STORIES = List.of(
            new Story("Back at the Thursday lunch club", "After months at home {person} and {carer} went together "
                    + "by bus; by the third week the driver knew to wait.", List.of(OutcomeDomain.RELATIONSHIPS_COMMUNITY,
                    OutcomeDomain.INDEPENDENCE), SharingConsent.COMMISSIONER_ANONYMISED),
            new Story("Bathing on her own terms", "We changed the morning visit to the evening, when she likes a "
                    + "bath; she now chooses the day and the oils.", List.of(OutcomeDomain.DIGNITY),
                    SharingConsent.FAMILY),
            new Story("Making tea again", "With a kettle tipper and practice, {person} makes tea for visitors "
                    + "again; it matters because being a host matters.", List.of(OutcomeDomain.INDEPENDENCE, OutcomeDomain.WELLBEING),
                    SharingConsent.COMMISSIONER_ANONYMISED),
            new Story("Same faces every week", "Two regular carers now; no more explaining the routine to strangers.",
                    List.of(OutcomeDomain.CONTINUITY, OutcomeDomain.TRUST), SharingConsent.FAMILY),
            new Story("A difficult week", "Low mood after a hospital appointment; we spent the time talking rather "
                    + "than rushing the tasks, and called the GP together.", List.of(OutcomeDomain.WELLBEING),
                    SharingConsent.TEAM));

    private DemoRecords() {
    }

    static void seed(DemoServices services, List<Contract> contracts, Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        InParallel.all(() -> stories(services, today), () -> healthEvents(services, today),
                () -> shifts(services.data(), contracts, today, zone));
    }

    private static void stories(DemoServices services, LocalDate today) {
        InParallel.each(DemoData.PEOPLE, p -> {
            int i = DemoData.PEOPLE.indexOf(p);
            for (int k = 0; k < 2; k++) {
                Story s = STORIES.get((i + k * 3) % STORIES.size());
                boolean byFamily = k == 1 && i % 3 == 0;
                var caller = byFamily ? DemoData.caller(p.family().getFirst(), "family", null)
                        : DemoData.caller(p.workers().get(k), "worker", p.teamId());
                // Names in the text, as people write them: a commissioner must only ever see them redacted.
                String carerId = p.workers().get(k);
                String text = s.text().replace("{person}", p.name().split(" ")[0])
                        .replace("{carer}", DemoData.MEMBERS.stream().filter(m -> m.workerId().equals(carerId))
                                .findFirst().orElseThrow().displayName());
                services.stories().record(caller, p.clientId(), new RecordStory(s.title(), text,
                        today.minusDays(3 + 9L * k + i), s.domains(), List.of("Out of the house twice a week"),
                        s.consent()));
            }
        });
    }

    private static void healthEvents(DemoServices services, LocalDate today) {
        List<HealthEventType> types = List.of(HealthEventType.GP_CALL_OUT, HealthEventType.FALL,
                HealthEventType.AE_ATTENDANCE, HealthEventType.HOSPITAL_ADMISSION, HealthEventType.GP_CALL_OUT);
        InParallel.each(IntStream.range(0, types.size()).boxed().toList(), i -> {
            DemoData.Person p = DemoData.PEOPLE.get(i * 2);
            services.healthEvents().record(DemoData.caller(p.workers().getFirst(), "worker", p.teamId()),
                    p.clientId(), new RecordHealthEvent(types.get(i), today.minusDays(4 + 5L * i), null));
        });
    }

    /** Each worker: three four-hour shifts a week, on alternating days, in the four weeks before today. */
    private static void shifts(DataTable data, List<Contract> contracts, LocalDate today, ZoneId zone) {
        List<Shift> all = new ArrayList<>();
        SummedCounters totals = new SummedCounters();
        for (TeamMember m : DemoData.MEMBERS) {
            int w = DemoData.MEMBERS.indexOf(m);
            List<Contract> teamContracts = contracts.stream().filter(c -> c.teamIds().contains(m.teamId())).toList();
            for (int day = 28; day >= 1; day--) {
                LocalDate date = today.minusDays(day);
                boolean works = (date.getDayOfWeek().getValue() + w) % 2 == 0
                        && date.getDayOfWeek() != DayOfWeek.SUNDAY;
                if (works) {
                    Instant start = date.atTime(LocalTime.of(8 + (w % 3) * 3, 0)).atZone(zone).toInstant();
                    Instant end = start.plusSeconds(4 * 3600);
                    Shift shift = new Shift(ShiftService.shiftId(m.teamId(), m.workerId(), start), m.teamId(),
                            m.workerId(), start, end, date, 240, end);
                    all.add(shift);
                    totals.add(ActivityCounters.count(m.teamId(), date, teamContracts, b -> ShiftService.counted(shift, b)));
                }
            }
        }
        new ShiftStore(data).createAll(all);
        totals.write(data);
    }
}
