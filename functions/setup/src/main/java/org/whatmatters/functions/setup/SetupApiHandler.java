package org.whatmatters.functions.setup;

import static java.util.Map.entry;

import java.time.Clock;
import java.util.Map;
import org.whatmatters.account.AccountService;
import org.whatmatters.config.Env;
import org.whatmatters.invites.AcceptInvite;
import org.whatmatters.invites.FamilyInviteService;
import org.whatmatters.invites.NewFamilyInvite;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.lambda.Route;
import org.whatmatters.setup.ClientService;
import org.whatmatters.setup.ClientView;
import org.whatmatters.setup.ContractService;
import org.whatmatters.setup.ContractView;
import org.whatmatters.setup.HoursChange;
import org.whatmatters.setup.NewClient;
import org.whatmatters.setup.NewContract;
import org.whatmatters.setup.NewInvitations;
import org.whatmatters.setup.NewMember;
import org.whatmatters.setup.NewSurveyPeriod;
import org.whatmatters.setup.NewTeam;
import org.whatmatters.setup.PeriodView;
import org.whatmatters.setup.SurveyService;
import org.whatmatters.setup.TeamService;
import org.whatmatters.setup.TeamView;

/**
 * The provider set-up API: who the caller is (GET /me), teams and members, clients and their planned hours, commissioner
 * contracts, survey periods and invitations, and family invites and links.
 */
public final class SetupApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public SetupApiHandler() {
        this(Env.system());
    }

    /** The local cloud's entry point: the template's environment for this function. */
    public SetupApiHandler(Env env) {
        this(env, Clock.system(env.zone()));
    }

    public SetupApiHandler(Env env, Clock clock) {
        this(DaggerSetupComponent.factory().create(env, clock));
    }

    private SetupApiHandler(SetupComponent c) {
        super(routes(c.account(), c.teams(), c.clients(), c.contracts(), c.surveys(), c.invites()), c.idempotency(),
                Priming.get("GET /clients/{clientId}", "clientId", "priming"));
    }

    private static Map<String, Route> routes(AccountService account, TeamService teams, ClientService clients, ContractService contracts,
                                             SurveyService surveys, FamilyInviteService invites) {
        return Map.ofEntries(
                entry("GET /me", r -> ApiResponse.ok(account.me(r.caller()))),

                entry("POST /teams", r -> {
                    TeamView t = teams.create(r.caller(), r.body(NewTeam.class));
                    return ApiResponse.created("/teams/" + t.teamId(), t);
                }),
                entry("GET /teams", r -> ApiResponse.ok(teams.list(r.caller()))),
                entry("GET /teams/{teamId}", r -> ApiResponse.ok(teams.get(r.caller(), r.path("teamId")))),
                entry("POST /teams/{teamId}/members", r -> ApiResponse.created("/teams/" + r.path("teamId"),
                        teams.addMember(r.caller(), r.path("teamId"), r.body(NewMember.class)))),

                entry("POST /clients", r -> {
                    ClientView c = clients.create(r.caller(), r.body(NewClient.class));
                    return ApiResponse.created("/clients/" + c.clientId(), c);
                }),
                entry("GET /clients/{clientId}", r -> ApiResponse.ok(clients.get(r.caller(), r.path("clientId")))),
                entry("PUT /clients/{clientId}/planned-hours", r -> ApiResponse.ok(
                        clients.changeHours(r.caller(), r.path("clientId"), r.body(HoursChange.class)))),
                entry("GET /clients/{clientId}/planned-hours",
                        r -> ApiResponse.ok(clients.hoursHistory(r.caller(), r.path("clientId")))),

                entry("POST /contracts", r -> {
                    ContractView k = contracts.create(r.caller(), r.body(NewContract.class));
                    return ApiResponse.created("/contracts/" + k.contractId(), k);
                }),
                entry("GET /contracts", r -> ApiResponse.ok(contracts.list(r.caller()))),
                entry("GET /contracts/{contractId}",
                        r -> ApiResponse.ok(contracts.get(r.caller(), r.path("contractId")))),
                entry("POST /contracts/{contractId}/survey-periods", r -> {
                    PeriodView p = surveys.createPeriod(r.caller(), r.path("contractId"),
                            r.body(NewSurveyPeriod.class));
                    return ApiResponse.created("/survey-periods/" + p.periodId(), p);
                }),
                entry("GET /contracts/{contractId}/survey-periods",
                        r -> ApiResponse.ok(surveys.listPeriods(r.caller(), r.path("contractId")))),
                entry("GET /survey-periods/{periodId}",
                        r -> ApiResponse.ok(surveys.getPeriod(r.caller(), r.path("periodId")))),
                entry("POST /survey-periods/{periodId}/invitations", r -> ApiResponse.ok(
                        surveys.invite(r.caller(), r.path("periodId"), r.body(NewInvitations.class)))),

                // The code is in this answer only: no cache may keep it.
                entry("POST /clients/{clientId}/invites", r -> ApiResponse.secret(201,
                        invites.invite(r.caller(), r.path("clientId"), r.body(NewFamilyInvite.class)))),
                entry("POST /invites/accept",
                        r -> ApiResponse.ok(invites.accept(r.caller(), r.body(AcceptInvite.class)))),
                entry("GET /clients/{clientId}/family",
                        r -> ApiResponse.ok(invites.links(r.caller(), r.path("clientId")))),
                entry("DELETE /clients/{clientId}/family/{familySub}",
                        r -> ApiResponse.ok(invites.revoke(r.caller(), r.path("clientId"), r.path("familySub")))));
    }
}
