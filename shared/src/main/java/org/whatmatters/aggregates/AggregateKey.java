package org.whatmatters.aggregates;

import java.time.YearMonth;

/**
 * Where a running aggregate lives. Activity (visits, shifts, health events, stories) is counted per
 * team and per contract by calendar month; feedback per survey period, overall and per team.
 */
public record AggregateKey(String pk, String sk) {

    public static AggregateKey teamMonth(String teamId, YearMonth month) {
        return new AggregateKey("AGG#TEAM#" + teamId, "MONTH#" + month);
    }

    public static AggregateKey contractMonth(String contractId, YearMonth month) {
        return new AggregateKey("AGG#CONTRACT#" + contractId, "MONTH#" + month);
    }

    public static AggregateKey period(String periodId) {
        return new AggregateKey("AGG#PERIOD#" + periodId, "ALL");
    }

    public static AggregateKey periodTeam(String periodId, String teamId) {
        return new AggregateKey("AGG#PERIOD#" + periodId, "TEAM#" + teamId);
    }
}
