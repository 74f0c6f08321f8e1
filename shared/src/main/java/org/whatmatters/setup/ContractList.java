package org.whatmatters.setup;

import java.util.List;

/** The answer to {@code GET /contracts}. */
public record ContractList(List<ContractView> contracts) {
}
