package org.whatmatters.data;

import java.time.YearMonth;

/**
 * Where a running aggregate lives. Activity (visits, shifts, health events, stories) is counted per
 * team and per contract by calendar month; feedback per survey period, overall and per team.
 */
public record AggregateKey(String pk, String sk) {

    public static AggregateKey teamMonth(String teamId, YearMonth month) {
        return new AggregateKey(Keys.teamAggregate(teamId), Keys.month(month));
    }

    public static AggregateKey contractMonth(String contractId, YearMonth month) {
        return new AggregateKey(Keys.contractAggregate(contractId), Keys.month(month));
    }

    public static AggregateKey period(String periodId) {
        return new AggregateKey(Keys.periodAggregate(periodId), Keys.ALL);
    }

    public static AggregateKey periodTeam(String periodId, String teamId) {
        return new AggregateKey(Keys.periodAggregate(periodId), Keys.team(teamId));
    }
}
