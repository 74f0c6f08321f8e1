package org.whatmatters.local.engines;

import java.util.List;

/** A global secondary index as declared; rangeKey is null for hash-only indexes. */
public record GsiSpec(String indexName, String hashKey, String rangeKey,
                      String projectionType, List<String> nonKeyAttributes) {}
