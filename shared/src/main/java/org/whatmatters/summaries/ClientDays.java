package org.whatmatters.summaries;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.PlannedHoursHistory;

/**
 * The days clients were supported over a window (both ends inclusive), from their planned-hours
 * histories: a client counts on a day when their plan in force that day is above zero. Also the
 * planned hours per week on the first and the last day, summed over the clients.
 */
public record ClientDays(long days, int clients, double hoursPerWeekAtStart, double hoursPerWeekAtEnd) {

    public static final ClientDays NONE = new ClientDays(0, 0, 0, 0);

    /** From every plan change of the clients concerned effective on or before {@code to}. */
    public static ClientDays of(Collection<PlannedHoursChange> changes, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return NONE;
        }
        Map<String, List<PlannedHoursChange>> byClient = changes.stream()
                .collect(Collectors.groupingBy(PlannedHoursChange::clientId, TreeMap::new, Collectors.toList()));
        long days = 0;
        int clients = 0;
        double start = 0;
        double end = 0;
        for (List<PlannedHoursChange> list : byClient.values()) {
            PlannedHoursHistory h = new PlannedHoursHistory(list);
            long supported = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (h.hoursOn(d) > 0) {
                    supported++;
                }
            }
            if (supported > 0) {
                clients++;
                days += supported;
            }
            start += h.hoursOn(from);
            end += h.hoursOn(to);
        }
        return new ClientDays(days, clients, start, end);
    }

    public ClientDays plus(ClientDays other) {
        return new ClientDays(days + other.days, clients + other.clients, hoursPerWeekAtStart + other.hoursPerWeekAtStart,
                hoursPerWeekAtEnd + other.hoursPerWeekAtEnd);
    }
}
