package org.whatmatters.data;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The one table-schema style: a static immutable schema per record, built once, with the
 * single-table keys derived from the record on write. No bean reflection, so no cold-start cost.
 */
public final class ItemSchema<T> {

    private final StaticImmutableTableSchema.Builder<T, Fields> builder;

    private ItemSchema(Class<T> type) {
        this.builder = StaticImmutableTableSchema.builder(type, Fields.class);
    }

    /** An item in the data table; {@code kind} names the record type for stream consumers. */
    public static <T> ItemSchema<T> item(Class<T> type, String kind, Function<T, String> pk, Function<T, String> sk) {
        ItemSchema<T> s = new ItemSchema<>(type);
        s.builder.addAttribute(String.class, a -> a.name(Keys.PK).getter(pk).setter(keep(Keys.PK))
                .tags(primaryPartitionKey()));
        s.builder.addAttribute(String.class, a -> a.name(Keys.SK).getter(sk).setter(keep(Keys.SK))
                .tags(primarySortKey()));
        s.builder.addAttribute(String.class, a -> a.name(Keys.KIND).getter(x -> kind).setter(keep(Keys.KIND)));
        return s;
    }

    /** A nested document, such as a visit's location. */
    public static <T> ItemSchema<T> document(Class<T> type) {
        return new ItemSchema<>(type);
    }

    /** Index keys; a null key leaves the item out of that (sparse) index. */
    public ItemSchema<T> index(String indexName, Function<T, String> pk, Function<T, String> sk) {
        builder.addAttribute(String.class, a -> a.name(indexName + "PK").getter(pk).setter(keep(indexName + "PK"))
                .tags(secondaryPartitionKey(indexName)));
        builder.addAttribute(String.class, a -> a.name(indexName + "SK").getter(sk).setter(keep(indexName + "SK"))
                .tags(secondarySortKey(indexName)));
        return this;
    }

    public <R> ItemSchema<T> attr(String name, Class<R> type, Function<T, R> getter) {
        builder.addAttribute(type, a -> a.name(name).getter(getter).setter(keep(name)));
        return this;
    }

    public <R> ItemSchema<T> attr(String name, EnhancedType<R> type, Function<T, R> getter) {
        builder.addAttribute(type, a -> a.name(name).getter(getter).setter(keep(name)));
        return this;
    }

    private static <R> BiConsumer<Fields, R> keep(String name) {
        return (fields, value) -> fields.put(name, value);
    }

    public TableSchema<T> build(Function<Fields, T> constructor) {
        return builder.newItemBuilder(Fields::new, constructor).build();
    }
}
