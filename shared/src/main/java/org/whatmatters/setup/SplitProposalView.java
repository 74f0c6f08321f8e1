package org.whatmatters.setup;

import java.time.LocalDate;
import java.util.List;

/**
 * A proposed split of a team in two (see {@link SplitPlanner}): who stays and who would move to the new team, the
 * people supported with each, and the share of the visits from {@code from} to {@code to} that would stay between
 * a person and workers of their own team.
 */
public record SplitProposalView(String teamId, String name, int size, LocalDate from, LocalDate to,
                                List<TeamView.Member> staying, List<TeamView.Member> moving,
                                List<TeamView.ClientRef> stayingClients, List<TeamView.ClientRef> movingClients,
                                long visitsKept, long visits, double keptPercent) {
}
