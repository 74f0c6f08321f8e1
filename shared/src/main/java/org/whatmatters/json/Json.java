package org.whatmatters.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;
import org.whatmatters.problem.FieldError;
import org.whatmatters.problem.ProblemException;

/** The project's one JSON mapper: strict on input (unknown fields, wrong types), ISO-8601 times. */
public final class Json {

    public static final ObjectMapper MAPPER = build();

    private Json() {
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("strict-instant").addDeserializer(Instant.class, new StrictInstant()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // A number where text is expected (or the reverse) is a wrong type, not something to guess at.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** Only ISO-8601 text with a zone: a bare number is a wrong type, not seconds since 1970. */
    private static final class StrictInstant extends StdScalarDeserializer<Instant> {

        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(p.getText().strip(), Instant::from);
            } catch (DateTimeParseException e) {
                throw ctx.weirdStringException(p.getText(), Instant.class, "not an ISO-8601 date-time with a zone");
            }
        }
    }

    /** Reads a request body; every failure becomes a 400 problem naming the field at fault. */
    public static <T> T readBody(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ProblemException.malformed("A JSON object is required as the request body");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ProblemException.malformed("A JSON object is required as the request body");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw ProblemException.invalid(field + ": is not a known field",
                    List.of(new FieldError(field, "is not a known field")));
        } catch (InvalidFormatException e) {
            String field = path(e);
            String message = "has a value that is not valid: it must be " + describe(e.getTargetType());
            throw ProblemException.invalid(field + ": " + message, List.of(new FieldError(field, message)));
        } catch (ValueInstantiationException e) {
            String field = path(e);
            String message = e.getCause() != null ? e.getCause().getMessage() : "is not valid";
            throw ProblemException.invalid(field + ": " + message, List.of(new FieldError(field, message)));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ProblemException.malformed("The request body must be a JSON object");
            }
            String message = "must be " + describe(e.getTargetType());
            throw ProblemException.invalid(field + ": " + message, List.of(new FieldError(field, message)));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw malformed(syntax);
            }
            String field = path(e);
            throw ProblemException.invalid(field + ": is not valid", List.of(new FieldError(field, "is not valid")));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static ProblemException malformed(JsonProcessingException e) {
        var loc = e.getLocation();
        return ProblemException.malformed("Malformed JSON"
                + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                + ": " + e.getOriginalMessage());
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented with a final newline: a document people open and diff, such as a published summary. */
    public static String writePretty(Object value) {
        try {
            // "\n" whatever the machine's line separator, so the same document gives the same bytes anywhere.
            DefaultIndenter lf = new DefaultIndenter("  ", "\n");
            return MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf))
                    .writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What a value of this type looks like, phrased to follow "must be". */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "a date-time in ISO-8601 form with a zone, e.g. 2026-11-23T09:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "a date in ISO-8601 form, e.g. 2026-11-23";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
