package org.whatmatters.live;

import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.OutcomeDomain;

/** The {@code data} of story.shared: enough for a card; the full story is read from the stories API. */
public record StoryData(String storyId, String title, String excerpt, LocalDate date, List<OutcomeDomain> domains,
                        String authorName) {

    static final int TITLE_MAX = 200;
    static final int EXCERPT_MAX = 280;

    static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
