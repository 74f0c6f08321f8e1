package org.whatmatters.setup;

/** How many respondents were newly invited, and how many had been already (and so were not counted again). */
public record InvitationsResult(String periodId, int invited, int alreadyInvited) {
}
