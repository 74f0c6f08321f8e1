package org.whatmatters.data;

import java.util.Map;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.Visit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Records from stream images (a DynamoDB Streams NewImage/OldImage), read by the schemas the stores write with. */
public final class Images {

    private Images() {
    }

    /** The item's {@code kind}, or null for an item without one. */
    public static String kind(Map<String, AttributeValue> image) {
        AttributeValue k = image == null ? null : image.get(Keys.KIND);
        return k == null ? null : k.s();
    }

    public static Visit visit(Map<String, AttributeValue> image) {
        return VisitStore.SCHEMA.mapToItem(image);
    }

    public static OutcomeStory story(Map<String, AttributeValue> image) {
        return StoryStore.SCHEMA.mapToItem(image);
    }

    public static Invitation invitation(Map<String, AttributeValue> image) {
        return InvitationStore.SCHEMA.mapToItem(image);
    }

    public static FamilyLink familyLink(Map<String, AttributeValue> image) {
        return FamilyLinkStore.SCHEMA.mapToItem(image);
    }
}
