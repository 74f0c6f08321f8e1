package org.whatmatters.functions.setup;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.account.AccountService;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.invites.FamilyInviteService;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.setup.ClientService;
import org.whatmatters.setup.CommissionerAccountService;
import org.whatmatters.setup.ContractService;
import org.whatmatters.setup.SurveyService;
import org.whatmatters.setup.TeamService;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the set-up API function: clients are built once, when the function instance starts. */
@Singleton
@Component(modules = AwsModule.class)
public interface SetupComponent {

    /** Lambda's wiring: the system clock in the provider's zone. */
    static SetupComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static SetupComponent create(Env env, Clock clock) {
        return DaggerSetupComponent.factory().create(env, clock);
    }

    AccountService account();

    TeamService teams();

    ClientService clients();

    ContractService contracts();

    SurveyService surveys();

    FamilyInviteService invites();

    CommissionerAccountService commissionerAccounts();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        SetupComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
