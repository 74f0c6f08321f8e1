package org.whatmatters.summaries;

import org.whatmatters.domain.OutcomeDomain;

public record DomainCount(OutcomeDomain domain, long stories) {
}
