package org.whatmatters.local.cloud.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyQuestion;
import org.whatmatters.feedback.SubmitResponse;

/**
 * Quarterly survey periods of the Ridgeshire contract: the current one (open; Maria and Tom have not
 * answered yet, so the family page shows the form) and two closed ones for the trend. Every family
 * member and every person supported is invited; about three in four answer, most of them warmly
 * (NPS in the low 80s against the healthcare benchmark of 58).
 */
final class DemoFeedback {

    private static final String[] COMMENTS = {
            "They treat Mum as a person, not a list of jobs.",
            "Same carers each week; Dad looks forward to them.",
            "Sometimes late on Fridays, but they always ring.",
            null, null};

    private DemoFeedback() {
    }

    static LocalDate quarterStart(LocalDate day) {
        return day.withDayOfMonth(1).withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
    }

    static void seed(Env env, DataTable data, Contract contract, Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SurveyPeriodStore periods = new SurveyPeriodStore(data);
        InvitationStore invitations = new InvitationStore(data);
        ContractStore contracts = new ContractStore(data);
        // Periods one after another: each bumps the contract's version, as the overlap check requires.
        List<SurveyPeriod> created = new ArrayList<>();
        for (int back = 2; back >= 0; back--) {
            LocalDate opens = quarterStart(today).minusMonths(3L * back);
            SurveyPeriod period = new SurveyPeriod("sp-" + opens.getYear() + "-q" + opens.get(IsoFields.QUARTER_OF_YEAR),
                    contract.contractId(), opens.getYear() + "-Q" + opens.get(IsoFields.QUARTER_OF_YEAR), opens,
                    opens.plusMonths(3).minusDays(1), SurveyPeriod.DEFAULT_QUESTIONS, "a-priya", DemoData.SINCE);
            periods.create(period, contracts.find(contract.contractId()).orElseThrow());
            created.add(period);
        }
        InParallel.each(created, period -> {
            int back = 2 - created.indexOf(period);
            List<Invitation> invited = invite(data, invitations, period, contract);
            // Answers are given while the period is open: a closed one is answered as of its last week.
            LocalDate answeredOn = back == 0 ? today : period.closesOn().minusDays(5);
            DemoServices at = DemoServices.at(env, Clock.fixed(answeredOn.atTime(LocalTime.NOON).atZone(zone)
                    .toInstant(), zone));
            answer(at, period, invited, back);
        });
    }

    /** The period's invitations at once, with what they count summed (as SurveyService counts each). */
    private static List<Invitation> invite(DataTable data, InvitationStore store, SurveyPeriod period, Contract contract) {
        List<Invitation> all = new ArrayList<>();
        for (DemoData.Person p : DemoData.PEOPLE) {
            all.add(new Invitation(period.periodId(), contract.contractId(), RespondentType.CLIENT, p.clientId(),
                    p.clientId(), p.teamId(), "a-priya", DemoData.SINCE));
            p.family().forEach(f -> all.add(new Invitation(period.periodId(), contract.contractId(),
                    RespondentType.FAMILY, f, p.clientId(), p.teamId(), "a-priya", DemoData.SINCE)));
        }
        store.createAll(all);
        SummedCounters totals = new SummedCounters();
        all.forEach(i -> totals.add(InvitationStore.counted(i)));
        totals.write(data);
        return all;
    }

    private static void answer(DemoServices services, SurveyPeriod period, List<Invitation> invited, int back) {
        InParallel.each(invited, inv -> {
            int i = invited.indexOf(inv);
            boolean waiting = back == 0 && (inv.respondentId().equals("f-maria") || inv.respondentId().equals("f-tom"));
            // About three in four answer a closed period; the open one is half-way there.
            if (waiting || (i * 7 + back * 3) % 10 >= (back == 0 ? 5 : 8)) {
                return;
            }
            int mood = (i * 13 + back * 5) % 23;
            int recommend = mood == 0 ? 5 : mood < 3 ? 8 : mood < 12 ? 10 : 9;
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (SurveyQuestion q : period.questions()) {
                ratings.put(q.questionId(), mood == 0 ? 3 : (mood + q.questionId().length()) % 4 == 0 ? 5 : 6);
            }
            DemoData.Person person = DemoData.PEOPLE.stream().filter(p -> p.clientId().equals(inv.clientId()))
                    .findFirst().orElseThrow();
            var caller = inv.respondentType() == RespondentType.FAMILY
                    ? DemoData.caller(inv.respondentId(), "family", null)
                    : DemoData.caller(person.workers().getFirst(), "worker", person.teamId());
            services.feedback().submit(caller, period.periodId(), new SubmitResponse(inv.clientId(), ratings,
                    recommend, COMMENTS[i % COMMENTS.length]));
        });
    }
}
