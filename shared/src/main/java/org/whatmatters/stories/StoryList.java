package org.whatmatters.stories;

import java.util.List;

/** One page of a client's stories, newest first; {@code nextCursor} is absent on the last page. */
public record StoryList(List<StoryView> stories, String nextCursor) {
}
