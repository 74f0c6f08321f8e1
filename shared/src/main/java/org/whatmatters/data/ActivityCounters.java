package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.whatmatters.domain.Contract;

/**
 * Where a piece of team activity is counted: its team's month, and the same month of every contract
 * covering the team on that day, so a contract's summary compiles from its own aggregates alone.
 */
@Singleton
public final class ActivityCounters {

    private final ContractStore contracts;

    @Inject
    public ActivityCounters(ContractStore contracts) {
        this.contracts = contracts;
    }

    public List<Counters> count(String teamId, LocalDate day, Consumer<Counters.Builder> deltas) {
        return count(teamId, day, contracts.ofTeam(teamId), deltas);
    }

    /** As above, with the team's contracts already read (a bulk import reads them once); those not in force are skipped. */
    public static List<Counters> count(String teamId, LocalDate day, List<Contract> teamContracts,
                                       Consumer<Counters.Builder> deltas) {
        YearMonth month = YearMonth.from(day);
        Counters.Builder b = Counters.on(AggregateKey.teamMonth(teamId, month));
        deltas.accept(b);
        Counters team = b.build();
        List<Counters> all = new ArrayList<>(List.of(team));
        for (Contract c : teamContracts) {
            if (c.inForce(day)) {
                all.add(team.at(AggregateKey.contractMonth(c.contractId(), month)));
            }
        }
        return all;
    }
}
