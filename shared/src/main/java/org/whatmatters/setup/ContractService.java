package org.whatmatters.setup;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.auth.Role;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/** Commissioner contracts: the provider admin writes them; a commissioner reads their own. */
@Singleton
public final class ContractService {

    static final int TEAMS_MAX = 25;
    static final int COMMISSIONER_NAME_MAX = 120;
    static final int LONGEST_YEARS = 10;

    private final ContractStore contracts;
    private final TeamStore teams;
    private final Clock clock;

    @Inject
    public ContractService(ContractStore contracts, TeamStore teams, Clock clock) {
        this.contracts = contracts;
        this.teams = teams;
        this.clock = clock;
    }

    public ContractView create(Caller caller, NewContract cmd) {
        SetupAccess.requireAdmin(caller, "create contracts");
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        Checks.id(v, "commissionerId", cmd.commissionerId());
        Checks.text(v, "commissionerName", cmd.commissionerName(), COMMISSIONER_NAME_MAX);
        if (Checks.ids(v, "teamIds", cmd.teamIds(), TEAMS_MAX)) {
            for (int i = 0; i < cmd.teamIds().size(); i++) {
                if (teams.find(cmd.teamIds().get(i)).isEmpty()) {
                    v.add("teamIds[" + i + "]", "is not a team of this provider");
                }
            }
        }
        v.required("startsOn", cmd.startsOn());
        v.required("endsOn", cmd.endsOn());
        Checks.near(v, "startsOn", cmd.startsOn(), today, LONGEST_YEARS);
        if (cmd.startsOn() != null && cmd.endsOn() != null) {
            if (cmd.endsOn().isBefore(cmd.startsOn())) {
                v.add("endsOn", "must not be before startsOn");
            } else if (ChronoUnit.YEARS.between(cmd.startsOn(), cmd.endsOn()) >= LONGEST_YEARS) {
                v.add("endsOn", "a contract lasts less than " + LONGEST_YEARS + " years");
            }
        }
        v.throwIfAny();

        Contract contract = new Contract("ct-" + UUID.randomUUID(), cmd.commissionerId(),
                cmd.commissionerName().strip(), cmd.teamIds(), cmd.startsOn(), cmd.endsOn(), caller.sub(),
                clock.instant(), 1);
        contracts.create(contract);
        return ContractView.of(contract);
    }

    /** The provider admin lists every contract; a commissioner lists their organisation's. */
    public ContractList list(Caller caller) {
        ClientAccess.requireSomeRole(caller);
        List<Contract> found;
        if (caller.is(Role.PROVIDER_ADMIN)) {
            found = contracts.all();
        } else if (caller.is(Role.COMMISSIONER)) {
            found = caller.commissionerId() == null ? List.of() : contracts.ofCommissioner(caller.commissionerId());
        } else {
            throw ProblemException.forbidden("Only provider admins and commissioners list contracts");
        }
        return new ContractList(found.stream().sorted(Comparator.comparing(Contract::startsOn).reversed()
                .thenComparing(Contract::contractId)).map(ContractView::of).toList());
    }

    public ContractView get(Caller caller, String contractId) {
        return ContractView.of(visible(caller, contractId));
    }

    /** A contract the caller may see, else 404 whether or not it exists. */
    public Contract visible(Caller caller, String contractId) {
        ClientAccess.requireSomeRole(caller);
        Contract contract = Checks.validId(contractId) ? contracts.find(contractId).orElse(null) : null;
        SetupAccess.requireSees(contract != null && SetupAccess.seesContract(caller, contract),
                "Contract " + contractId);
        return contract;
    }
}
