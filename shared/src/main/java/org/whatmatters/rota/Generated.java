package org.whatmatters.rota;

/** What one generation run did to one schedule's visits. */
public record Generated(int created, int updated, int removed) {

    public static final Generated NOTHING = new Generated(0, 0, 0);

    public Generated plus(Generated other) {
        return new Generated(created + other.created, updated + other.updated, removed + other.removed);
    }
}
