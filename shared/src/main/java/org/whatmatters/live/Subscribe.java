package org.whatmatters.live;

import java.util.List;

/** A message on the subscribe route: {"action":"subscribe","clientIds":["c-rosa"]}. */
public record Subscribe(String action, List<String> clientIds) {
}
