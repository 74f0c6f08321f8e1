package org.whatmatters.local.engines;

import java.util.Map;

/** One entry of a template's Resources section. */
public record Resource(String logicalId, String type, Map<String, Object> properties) {}
