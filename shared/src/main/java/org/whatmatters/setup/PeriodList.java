package org.whatmatters.setup;

import java.util.List;

/** The answer to {@code GET /contracts/{contractId}/survey-periods}: earliest first. */
public record PeriodList(String contractId, List<PeriodView> periods) {
}
