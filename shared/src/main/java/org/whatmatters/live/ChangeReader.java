package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.whatmatters.data.Images;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.json.Json;
import org.whatmatters.validation.Ids;
import org.whatmatters.visits.VisitView;

/**
 * Reads what a data-table change means for families. Only record kinds a family is told about
 * count; everything else (aggregates, idempotency keys, the feed's own entries, ...) is ignored.
 * Ids and times come from the record itself, so a retried change makes the very same update.
 */
@Singleton
public final class ChangeReader {

    private final TeamStore teams;
    private final SurveyPeriodStore periods;

    @Inject
    public ChangeReader(TeamStore teams, SurveyPeriodStore periods) {
        this.teams = teams;
        this.periods = periods;
    }

    public Optional<Effect> read(Change c) {
        if (!c.inserted() && !c.modified()) {
            return Optional.empty();
        }
        String kind = Images.kind(c.newImage());
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case "Visit" -> visit(c);
            case "OutcomeStory" -> story(c);
            case "Invitation" -> invitation(c);
            case "FamilyLink" -> revocation(c);
            default -> Optional.empty();
        };
    }

    private Optional<Effect> visit(Change c) {
        Visit v = Images.visit(c.newImage());
        Visit old = c.inserted() ? null : Images.visit(c.oldImage());
        Optional<UpdateType> what = visitUpdate(old, v);
        if (what.isEmpty()) {
            return Optional.empty();
        }
        UpdateType type = what.get();
        Map<String, String> names = teams.members(v.teamId()).stream()
                .collect(Collectors.toMap(TeamMember::workerId, TeamMember::displayName, (a, b) -> a));
        Function<String, VisitView.Worker> worker = id -> id == null ? null
                : new VisitView.Worker(id, names.getOrDefault(id, "Former team member"));
        boolean started = type == UpdateType.VISIT_STARTED || type == UpdateType.VISIT_FINISHED;
        boolean finished = type == UpdateType.VISIT_FINISHED;
        VisitData data = new VisitData(v.visitId(), v.serviceType(), v.plannedStart(), v.plannedEnd(),
                v.workerIds().stream().map(worker).toList(), started ? v.actualStart() : null,
                started ? worker.apply(v.checkedInBy()) : null, finished ? v.actualEnd() : null,
                finished ? v.whatMattered() : null, VisitView.cancellationNote(v), v.lateAt(), v.missedAt());
        Instant time = type == UpdateType.VISIT_PLANNED ? v.createdAt() : v.updatedAt();
        return publish(type, time, v.clientId(), data, null, v.visitId(), Long.toString(v.version()));
    }

    /**
     * What a visit's change tells the family. Visits a rota generates or moves are not announced one by one (the
     * family sees them in the visit list); moving one by hand, or cancelling any visit, is.
     */
    static Optional<UpdateType> visitUpdate(Visit old, Visit v) {
        if (old == null) {
            return v.status() == VisitStatus.PLANNED && v.scheduleId() == null ? Optional.of(UpdateType.VISIT_PLANNED)
                    : Optional.empty();
        }
        VisitStatus before = old.status();
        if (before.awaitingCheckIn() && v.status() == VisitStatus.IN_PROGRESS) {
            return Optional.of(UpdateType.VISIT_STARTED);
        }
        if (before == VisitStatus.IN_PROGRESS && v.status() == VisitStatus.COMPLETED) {
            return Optional.of(UpdateType.VISIT_FINISHED);
        }
        if (before == VisitStatus.PLANNED && v.status() == VisitStatus.CANCELLED) {
            return Optional.of(UpdateType.VISIT_CANCELLED);
        }
        if (before == VisitStatus.PLANNED && v.status() == VisitStatus.MISSED) {
            return Optional.of(UpdateType.VISIT_MISSED);
        }
        if (before == VisitStatus.PLANNED && v.status() == VisitStatus.PLANNED) {
            // Moved by hand: told. Moved by a rota change: one schedule edit would tell of weeks of visits one by
            // one, so the family sees those in the visit list instead.
            boolean moved = !v.plannedStart().equals(old.plannedStart()) || !v.plannedEnd().equals(old.plannedEnd())
                    || !v.workerIds().equals(old.workerIds());
            if (moved) {
                return v.editedByHand() ? Optional.of(UpdateType.VISIT_CHANGED) : Optional.empty();
            }
            if (old.lateAt() == null && v.lateAt() != null) {
                return Optional.of(UpdateType.VISIT_LATE);
            }
        }
        return Optional.empty();
    }

    /** Only stories the family may read; one shared with the team only and widened later counts then. */
    private Optional<Effect> story(Change c) {
        OutcomeStory s = Images.story(c.newImage());
        boolean wasVisible = !c.inserted() && Images.story(c.oldImage()).consent().familyVisible();
        if (!s.consent().familyVisible() || wasVisible) {
            return Optional.empty();
        }
        StoryData data = new StoryData(s.storyId(), StoryData.cut(s.title(), StoryData.TITLE_MAX),
                StoryData.cut(s.text(), StoryData.EXCERPT_MAX), s.date(), s.domains(), s.authorName());
        return publish(UpdateType.STORY_SHARED, s.createdAt(), s.clientId(), data, null, s.storyId());
    }

    /** A survey invitation is the invited family member's alone. */
    private Optional<Effect> invitation(Change c) {
        Invitation i = Images.invitation(c.newImage());
        if (!c.inserted() || i.respondentType() != RespondentType.FAMILY) {
            return Optional.empty();
        }
        Optional<SurveyPeriod> p = periods.find(i.periodId());
        SurveyData data = new SurveyData(i.periodId(), p.map(SurveyPeriod::label).orElse(null),
                p.map(SurveyPeriod::opensOn).orElse(null), p.map(SurveyPeriod::closesOn).orElse(null));
        return publish(UpdateType.SURVEY_OPEN, i.invitedAt(), i.clientId(), data, i.respondentId(), i.periodId(),
                i.respondentId());
    }

    private static Optional<Effect> revocation(Change c) {
        FamilyLink now = Images.familyLink(c.newImage());
        boolean wasActive = c.inserted() || Images.familyLink(c.oldImage()).active();
        return !now.active() && wasActive ? Optional.of(new Effect.LinkRevoked(now.clientId(), now.familySub()))
                : Optional.empty();
    }

    private static Optional<Effect> publish(UpdateType type, Instant time, String clientId, Object data,
                                            String audienceSub, String... source) {
        LiveMessage m = new LiveMessage(type, id(type, source), time, clientId, Json.MAPPER.valueToTree(data));
        return Optional.of(new Effect.Publish(m, audienceSub));
    }

    /** Opaque, and the same for the same change however often it is read. */
    static String id(UpdateType type, String... source) {
        String[] parts = new String[source.length + 1];
        parts[0] = type.toString();
        System.arraycopy(source, 0, parts, 1, source.length);
        return Ids.derived("u-", 12, parts);
    }
}
