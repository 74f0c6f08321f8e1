package org.whatmatters.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The attributes read from one item, collected before the record is built from them. */
public final class Fields {

    private final Map<String, Object> values = new HashMap<>();

    void put(String name, Object value) {
        values.put(name, value);
    }

    @SuppressWarnings("unchecked")
    public <R> R get(String name) {
        return (R) values.get(name);
    }

    public String string(String name) {
        return get(name);
    }

    public long number(String name) {
        Long v = get(name);
        return v == null ? 0L : v;
    }

    public double decimal(String name) {
        Double v = get(name);
        return v == null ? 0d : v;
    }

    public <R> List<R> list(String name) {
        List<R> v = get(name);
        return v == null ? List.of() : v;
    }
}
