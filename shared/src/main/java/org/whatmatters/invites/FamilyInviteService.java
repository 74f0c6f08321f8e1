package org.whatmatters.invites;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.access.Relation;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.FamilyInviteStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyInvite;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/**
 * Family invites and links. The provider admin or a worker of the client's team invites; the family
 * member accepts with the code, which links their account; the team or the admin can revoke the
 * link, which ends access at once (links are read strongly consistent).
 */
@Singleton
public final class FamilyInviteService {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final int NAME_MAX = 80;
    static final int RELATIONSHIP_MAX = 40;

    private final ClientStore clients;
    private final FamilyLinkStore links;
    private final FamilyInviteStore invites;
    private final TeamStore teams;
    private final ClientRelations relations;
    private final Clock clock;

    @Inject
    public FamilyInviteService(ClientStore clients, FamilyLinkStore links, FamilyInviteStore invites, TeamStore teams,
                               ClientRelations relations, Clock clock) {
        this.clients = clients;
        this.links = links;
        this.invites = invites;
        this.teams = teams;
        this.relations = relations;
        this.clock = clock;
    }

    public InviteCreated invite(Caller caller, String clientId, NewFamilyInvite cmd) {
        Client client = client(clientId);
        requireTeamOrAdmin(relationTo(caller, client), clientId, "invite family members");
        Violations v = new Violations();
        Checks.text(v, "displayName", cmd.displayName(), NAME_MAX);
        Checks.text(v, "relationship", cmd.relationship(), RELATIONSHIP_MAX);
        Checks.email(v, "email", cmd.email());
        v.throwIfAny();

        String code = InviteCode.generate();
        Instant now = clock.instant();
        FamilyInvite invite = new FamilyInvite(InviteCode.hash(code), clientId, client.teamId(),
                cmd.displayName().strip(), cmd.relationship().strip(), cmd.email(), caller.sub(), now,
                now.plus(VALID_FOR).truncatedTo(ChronoUnit.SECONDS), null, null);
        invites.create(invite);
        return new InviteCreated(code, clientId, invite.displayName(), invite.relationship(), invite.email(),
                invite.expiresAt(), "POST /invites/accept");
    }

    /** Unknown → 404, already used → 409, expired → 410; checked again inside the linking transaction. */
    public LinkView accept(Caller caller, AcceptInvite cmd) {
        ClientAccess.requireSomeRole(caller);
        if (!caller.is(Role.FAMILY)) {
            throw ProblemException.forbidden("Only a family member's account can accept a family invite");
        }
        Violations v = new Violations();
        if (v.required("code", cmd.code()) && !InviteCode.wellFormed(cmd.code())) {
            v.add("code", "is not an invite code: it is 43 letters, digits, '-' or '_'");
        }
        v.throwIfAny();

        Instant now = clock.instant();
        FamilyInvite invite = invites.find(InviteCode.hash(cmd.code()))
                .orElseThrow(() -> ProblemException.notFound("Invite code"));
        requireUsable(invite, now);
        requireAddressee(invite, caller);
        requireInviterStillInTheTeam(invite);
        Client client = client(invite.clientId());
        FamilyLink link = new FamilyLink(invite.clientId(), caller.sub(), invite.displayName(),
                invite.relationship(), now, null);
        // A link revoked before is kept on record beside the new one, never overwritten.
        Optional<FamilyLink> revoked = links.find(invite.clientId(), caller.sub()).filter(l -> !l.active());
        switch (invites.accept(invite, link, revoked, now)) {
            case LINKED -> {
                return LinkView.of(link, client.displayName());
            }
            case ALREADY_LINKED -> throw ProblemException.conflict("You are already linked to this client; "
                    + "the invite code was not used and can be passed on to someone else");
            case INVITE_SPENT -> {
                // Used or expired between our read and the transaction: answer as if we had read it then.
                requireUsable(invites.find(invite.codeHash()).orElseThrow(
                        () -> ProblemException.notFound("Invite code")), now);
                throw ProblemException.conflict("This invite code has already been used");
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Idempotent: revoking a revoked link answers it unchanged. */
    public LinkView revoke(Caller caller, String clientId, String familySub) {
        Client client = client(clientId);
        requireTeamOrAdmin(relationTo(caller, client), clientId, "revoke family access");
        FamilyLink link = link(clientId, familySub);
        if (link.active()) {
            // False only if someone revoked it meanwhile: revoked either way, so read what is stored.
            links.revoke(link, clock.instant());
            link = link(clientId, familySub);
        }
        return LinkView.of(link, client.displayName());
    }

    public LinkList links(Caller caller, String clientId) {
        Client client = client(clientId);
        requireTeamOrAdmin(relationTo(caller, client), clientId, "see who has family access");
        return new LinkList(clientId, links.ofClient(clientId).stream()
                .sorted(Comparator.comparing((FamilyLink l) -> !l.active()).thenComparing(FamilyLink::linkedAt))
                .map(l -> LinkView.of(l, client.displayName())).toList());
    }

    /**
     * An invite sent to an e-mail address is for the person who holds it: only an account whose token
     * carries that address, verified by the issuer, may accept it. The code alone, forwarded or
     * overheard, is not enough. (Answered 403, and the code stays unused for its addressee.)
     */
    private static void requireAddressee(FamilyInvite invite, Caller caller) {
        if (invite.email() != null && (caller.verifiedEmail() == null
                || !invite.email().strip().equalsIgnoreCase(caller.verifiedEmail().strip()))) {
            throw ProblemException.forbidden("This invite was sent to a particular e-mail address; sign in with the "
                    + "account that has that address, verified, to accept it");
        }
    }

    /**
     * An invite made by a worker who has since left the team is withdrawn with them: the codes they handed
     * out must not outlive their own access. (An admin's invites stand: admins are in no team.)
     */
    private void requireInviterStillInTheTeam(FamilyInvite invite) {
        boolean left = teams.member(invite.teamId(), invite.createdBy()).isEmpty()
                && teams.formerMembers(invite.teamId()).stream().anyMatch(m -> m.workerId().equals(invite.createdBy()));
        if (left) {
            throw ProblemException.of(410, "invite-withdrawn", "This invite has been withdrawn",
                    "The person who made this invite has left the care team; ask the team for a new one");
        }
    }

    private static void requireUsable(FamilyInvite invite, Instant now) {
        if (invite.used()) {
            throw ProblemException.conflict("This invite code has already been used");
        }
        if (invite.expired(now)) {
            throw ProblemException.of(410, "invite-expired", "This invite has expired",
                    "The invite code expired at " + invite.expiresAt() + "; ask the care team for a new one");
        }
    }

    private FamilyLink link(String clientId, String familySub) {
        Optional<FamilyLink> link = Checks.validId(familySub) ? links.find(clientId, familySub) : Optional.empty();
        return link.orElseThrow(() -> ProblemException.notFound("Family link " + familySub));
    }

    private Relation relationTo(Caller caller, Client client) {
        return relations.to(caller, client).relation();
    }

    /** A linked family member can see the client, so gets 403; anyone else the same 404 as for no client. */
    private static void requireTeamOrAdmin(Relation relation, String clientId, String action) {
        ClientAccess.requireRead(relation, "Client " + clientId);
        if (relation != Relation.TEAM_WORKER && relation != Relation.PROVIDER_ADMIN) {
            throw ProblemException.forbidden("Only the client's team or the provider admin may " + action);
        }
    }

    private Client client(String clientId) {
        if (!Checks.validId(clientId)) {
            throw ProblemException.notFound("Client " + clientId);
        }
        return clients.find(clientId).orElseThrow(() -> ProblemException.notFound("Client " + clientId));
    }
}
