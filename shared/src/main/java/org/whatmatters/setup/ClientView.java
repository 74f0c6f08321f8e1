package org.whatmatters.setup;

import java.time.Instant;
import java.time.LocalDate;
import org.whatmatters.access.Relation;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.PlannedHoursChange;

/**
 * A client as one caller may see them. The planned hours are the commissioned package: the team
 * and the provider admin see them; families see who is supported and by which team.
 */
public record ClientView(String clientId, String displayName, String teamId, String teamName,
                         Double plannedHoursPerWeek, LocalDate hoursEffectiveFrom, Instant createdAt) {

    static ClientView of(Client c, String teamName, PlannedHoursChange current, Relation relation) {
        boolean team = relation == Relation.TEAM_WORKER || relation == Relation.PROVIDER_ADMIN;
        return new ClientView(c.clientId(), c.displayName(), c.teamId(), teamName,
                team ? c.plannedHoursPerWeek() : null,
                team && current != null ? current.effectiveFrom() : null,
                team ? c.createdAt() : null);
    }
}
