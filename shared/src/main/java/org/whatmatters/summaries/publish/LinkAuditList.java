package org.whatmatters.summaries.publish;

import java.util.List;
import org.whatmatters.domain.LinkIssued;

public record LinkAuditList(List<LinkIssued> items, String nextCursor) {
}
