package org.whatmatters.local.cloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics (long form) to the local cloud's values: parameters, the local
 * names of tables and buckets, ARNs, and execute-api URLs of the template's APIs, which point at
 * the local emulators instead.
 */
public final class Resolver {

    public static final String ACCOUNT = "000000000000";
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Pattern EXECUTE_API = Pattern.compile("^(https|wss)://([^.]+)\\.execute-api\\.[^/]+(/.*)?$");

    private final String region;
    private final Map<String, String> parameters;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();
    private final Map<String, String> localApis = new HashMap<>();
    private final Map<String, Object> conditions;

    public Resolver(String region, Map<String, String> parameters, Map<String, Object> conditions) {
        this.region = region;
        this.parameters = Map.copyOf(parameters);
        this.conditions = conditions == null ? Map.of() : conditions;
    }

    public String region() {
        return region;
    }

    /** What {@code !Ref logicalId} gives. */
    public Resolver ref(String logicalId, String value) {
        refs.put(logicalId, value);
        return this;
    }

    /** What {@code !GetAtt logicalId.attribute} gives. */
    public Resolver attribute(String logicalId, String attribute, String value) {
        attributes.put(logicalId + "." + attribute, value);
        return this;
    }

    /**
     * An API served locally: its https://{apiId}.execute-api... URLs become {@code httpsBase} (the HTTP
     * API, or a WebSocket API's @connections endpoint) and its wss:// URLs become {@code wssBase}.
     */
    public Resolver localApi(String apiId, String httpsBase, String wssBase) {
        localApis.put("https|" + apiId, httpsBase);
        if (wssBase != null) {
            localApis.put("wss|" + apiId, wssBase);
        }
        return this;
    }

    public String string(Object value) {
        Object v = resolve(value);
        if (v instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return v == null ? null : rewriteApiUrl(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            String fn = (String) m.keySet().iterator().next();
            Object arg = m.values().iterator().next();
            switch (fn) {
                case "Ref" -> {
                    return ref(String.valueOf(arg));
                }
                case "Fn::GetAtt" -> {
                    List<Object> parts = (List<Object>) arg;
                    return attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub" -> {
                    if (arg instanceof List<?> l) {
                        Map<String, Object> vars = new HashMap<>();
                        ((Map<String, Object>) l.get(1)).forEach((k, v) -> vars.put(k, resolve(v)));
                        return sub(String.valueOf(l.get(0)), vars);
                    }
                    return sub(String.valueOf(arg), Map.of());
                }
                case "Fn::Join" -> {
                    List<Object> l = (List<Object>) arg;
                    List<String> parts = new ArrayList<>();
                    // A CommaDelimitedList parameter with one value resolves to that value, not a list.
                    Object values = resolve(l.get(1));
                    for (Object o : values instanceof List<?> list ? (List<Object>) list : List.of(values)) {
                        parts.add(String.valueOf(resolve(o)));
                    }
                    return String.join(String.valueOf(l.get(0)), parts);
                }
                case "Fn::Select" -> {
                    List<Object> l = (List<Object>) arg;
                    List<Object> from = (List<Object>) resolve(l.get(1));
                    return resolve(from.get(Integer.parseInt(String.valueOf(resolve(l.get(0))))));
                }
                case "Fn::Split" -> {
                    List<Object> l = (List<Object>) arg;
                    return List.of(String.valueOf(resolve(l.get(1))).split(Pattern.quote(String.valueOf(l.get(0))), -1));
                }
                case "Fn::If" -> {
                    List<Object> l = (List<Object>) arg;
                    return resolve(condition(String.valueOf(l.get(0))) ? l.get(1) : l.get(2));
                }
                case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" -> {
                    return evaluate(m);
                }
                default -> throw new UnsupportedOperationException("The local cloud does not resolve " + fn);
            }
        }
        if (value instanceof List<?> l) {
            return l.stream().map(this::resolve).toList();
        }
        return value;
    }

    public boolean condition(String name) {
        Object c = conditions.get(name);
        if (c == null) {
            throw new IllegalArgumentException("No condition " + name + " in the template");
        }
        return evaluate(c);
    }

    @SuppressWarnings("unchecked")
    private boolean evaluate(Object c) {
        if (c instanceof Map<?, ?> m && m.size() == 1) {
            String fn = (String) m.keySet().iterator().next();
            Object arg = m.values().iterator().next();
            return switch (fn) {
                case "Fn::Equals" -> {
                    List<Object> l = (List<Object>) arg;
                    yield String.valueOf(resolve(l.get(0))).equals(String.valueOf(resolve(l.get(1))));
                }
                case "Fn::Not" -> !evaluate(((List<Object>) arg).getFirst());
                case "Fn::And" -> ((List<Object>) arg).stream().allMatch(this::evaluate);
                case "Fn::Or" -> ((List<Object>) arg).stream().anyMatch(this::evaluate);
                case "Condition" -> condition(String.valueOf(arg));
                default -> throw new UnsupportedOperationException("Not a condition function: " + fn);
            };
        }
        throw new IllegalArgumentException("Not a condition: " + c);
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "whatmatters-local";
            case "AWS::NoValue" -> null;
            default -> {
                if (parameters.containsKey(name)) {
                    String v = parameters.get(name);
                    yield v.contains(",") ? List.of(v.split(",")) : v;
                }
                if (refs.containsKey(name)) {
                    yield refs.get(name);
                }
                throw new IllegalArgumentException("!Ref " + name + ": no such parameter or resource");
            }
        };
    }

    private String attribute(String id, String attr) {
        String v = attributes.get(id + "." + attr);
        if (v == null) {
            throw new IllegalArgumentException("!GetAtt " + id + "." + attr + " is not known to the local cloud");
        }
        return v;
    }

    private String sub(String template, Map<String, Object> vars) {
        Matcher m = SUB.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object v;
            if (vars.containsKey(name)) {
                v = vars.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                v = attribute(name.substring(0, dot), name.substring(dot + 1));
            } else {
                v = ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private String rewriteApiUrl(String value) {
        Matcher m = EXECUTE_API.matcher(value);
        String base = m.matches() ? localApis.get(m.group(1) + "|" + m.group(2)) : null;
        if (base != null) {
            return base + (m.group(3) == null ? "" : m.group(3));
        }
        return value;
    }
}
