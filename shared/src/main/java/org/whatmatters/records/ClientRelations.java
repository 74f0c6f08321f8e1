package org.whatmatters.records;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.ClientAccess;
import org.whatmatters.auth.Relation;
import org.whatmatters.auth.Role;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.validation.Ids;

/** Looks up a client and how the caller stands towards it; an unknown client is a 404 like any other. */
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

    public Access of(Caller caller, String clientId, String what) {
        ClientAccess.requireSomeRole(caller);
        Client client = (Ids.valid(clientId) ? clients.find(clientId) : Optional.<Client>empty())
                .orElseThrow(() -> ProblemException.notFound(what));
        Optional<FamilyLink> link = caller.is(Role.FAMILY)
                ? links.find(client.clientId(), caller.sub()).filter(FamilyLink::active) : Optional.empty();
        return new Access(client, ClientAccess.relation(caller, client, link), link);
    }
}
