package org.whatmatters.access;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.validation.Ids;

/**
 * The one entry point for how a caller stands towards a client (a worker of its team, a linked family
 * member, the provider admin, or nobody): every service and the live socket ask here. The rule itself
 * is {@link ClientAccess#relation}; the caller is the one {@link org.whatmatters.auth.Affiliations}
 * resolved from the data, and a family link is read strongly consistent, so a revocation counts at once.
 */
@Singleton
public final class ClientRelations {

    /** The client, the caller's relation to it, and their family link if they have an active one. */
    public record Access(Client client, Relation relation, Optional<FamilyLink> link) {
    }

    private final ClientStore clients;
    private final FamilyLinkStore links;

    @Inject
    public ClientRelations(ClientStore clients, FamilyLinkStore links) {
        this.clients = clients;
        this.links = links;
    }

    /** The client and the caller's relation; an unknown or malformed id is a 404 for {@code what}. */
    public Access of(Caller caller, String clientId, String what) {
        ClientAccess.requireSomeRole(caller);
        Client client = find(clientId).orElseThrow(() -> ProblemException.notFound(what));
        return to(caller, client);
    }

    /** The caller's relation to a client already read (a visit's, an invite's). */
    public Access to(Caller caller, Client client) {
        ClientAccess.requireSomeRole(caller);
        Optional<FamilyLink> link = caller.is(Role.FAMILY)
                ? links.find(client.clientId(), caller.sub()).filter(FamilyLink::active) : Optional.empty();
        return new Access(client, ClientAccess.relation(caller, client, link), link);
    }

    /** The relation to a client named by id, {@link Relation#NONE} for an unknown one (the live socket's answer). */
    public Relation relation(Caller caller, String clientId) {
        return find(clientId).map(c -> to(caller, c).relation()).orElse(Relation.NONE);
    }

    private Optional<Client> find(String clientId) {
        return Ids.valid(clientId) ? clients.find(clientId) : Optional.empty();
    }
}
