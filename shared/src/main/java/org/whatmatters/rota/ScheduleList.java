package org.whatmatters.rota;

import java.util.List;

/** A client's schedules, oldest start first: a handful, so never paged. */
public record ScheduleList(List<ScheduleView> schedules) {
}
