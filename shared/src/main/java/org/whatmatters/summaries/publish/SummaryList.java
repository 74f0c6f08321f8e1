package org.whatmatters.summaries.publish;

import java.util.List;

public record SummaryList(List<SummaryView> items, String nextCursor) {
}
