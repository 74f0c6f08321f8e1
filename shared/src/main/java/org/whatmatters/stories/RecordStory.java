package org.whatmatters.stories;

import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.SharingConsent;

/** The body of {@code POST /clients/{clientId}/stories}. */
public record RecordStory(String title, String text, LocalDate date, List<OutcomeDomain> domains, List<String> goals,
                          SharingConsent consent) {
}
