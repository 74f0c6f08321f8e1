package org.whatmatters.local.engines;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads CloudFormation/SAM YAML, turning short-form intrinsic tags (!Ref, !Sub, ...) into their long-form maps. */
public final class CfnYaml {

    private static final Set<String> FUNCTIONS = Set.of(
            "Sub", "If", "Join", "Select", "Split", "Equals", "Not", "And", "Or",
            "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform");

    private CfnYaml() {}

    public static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static Map<String, Object> parse(String yaml) {
        return parse(new StringReader(yaml), "yaml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Reader reader, String label) {
        // Core schema: CloudFormation accepts True/TRUE etc. like YAML 1.1 parsers do.
        LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema()).build();
        Object doc;
        try {
            doc = new Load(settings, new Constructor(settings)).loadFromReader(reader);
        } catch (YamlEngineException e) {
            // The engine wraps our own errors (unknown tag, bad !GetAtt): surface them as they were thrown.
            if (e.getCause() instanceof IllegalArgumentException cause) {
                throw cause;
            }
            throw e;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(label + ": the document is not a mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class Constructor extends StandardConstructor {
        Constructor(LoadSettings settings) {
            super(settings);
        }

        @Override
        protected Optional<ConstructNode> findConstructorFor(Node node) {
            // Standard tags are already resolved to "tag:yaml.org,2002:..."; what is left with "!" is local.
            return node.getTag().getValue().startsWith("!")
                    ? Optional.of(this::intrinsic)
                    : super.findConstructorFor(node);
        }

        private Object intrinsic(Node node) {
            String tag = node.getTag().getValue();
            String name = tag.substring(1);
            Object value = untagged(node);
            String key = switch (name) {
                case "Ref", "Condition" -> name;
                case "GetAtt" -> "Fn::GetAtt";
                default -> {
                    if (!FUNCTIONS.contains(name)) {
                        throw new IllegalArgumentException("Unknown CloudFormation tag " + tag
                                + node.getStartMark().map(Object::toString).orElse(""));
                    }
                    yield "Fn::" + name;
                }
            };
            if (name.equals("GetAtt") && value instanceof String text) {
                int dot = text.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + text + "'"
                            + node.getStartMark().map(Object::toString).orElse(""));
                }
                value = List.of(text.substring(0, dot), text.substring(dot + 1));
            }
            Map<String, Object> longForm = new LinkedHashMap<>();
            longForm.put(key, value);
            return longForm;
        }

        private Object untagged(Node node) {
            return switch (node) {
                case ScalarNode scalar -> constructScalar(scalar);
                case SequenceNode sequence -> constructSequence(sequence);
                case MappingNode mapping -> constructMapping(mapping);
                default -> throw new IllegalArgumentException("Unsupported node " + node);
            };
        }
    }
}
