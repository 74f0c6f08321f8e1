package org.whatmatters.summaries;

import java.time.YearMonth;
import java.util.List;
import org.whatmatters.domain.OutcomeDomain;

/** A story its author agreed commissioners may read, redacted: no names, no ids, only its month. */
public record SharedStory(YearMonth month, List<OutcomeDomain> domains, String title, String text) {

    public SharedStory {
        domains = List.copyOf(domains);
    }
}
