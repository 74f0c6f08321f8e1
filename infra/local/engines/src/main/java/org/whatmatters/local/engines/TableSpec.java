package org.whatmatters.local.engines;

import java.util.List;
import java.util.Map;

/**
 * A DynamoDB table as declared in the template.
 *
 * @param tableName      literal TableName, or null (CloudFormation would generate one)
 * @param attributes     attribute name to type (S, N or B)
 * @param rangeKey       null for hash-only tables
 * @param streamViewType null when no stream is declared
 * @param ttlAttribute   null unless TimeToLiveSpecification is Enabled
 */
public record TableSpec(String logicalId, String tableName, Map<String, String> attributes,
                        String hashKey, String rangeKey, List<GsiSpec> gsis,
                        String streamViewType, String ttlAttribute) {}
