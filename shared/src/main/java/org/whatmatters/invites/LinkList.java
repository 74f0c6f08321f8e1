package org.whatmatters.invites;

import java.util.List;

/** The answer to {@code GET /clients/{clientId}/family}: active links first, then revoked ones. */
public record LinkList(String clientId, List<LinkView> links) {
}
