package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.RESOURCES;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.TEMPLATE;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.assertNone;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.functions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.whatmatters.local.engines.Resource;

/**
 * Checks that every IAM policy statement of template.yaml's functions names the template's own resources,
 * with actions that apply to them. Each failure says what to change.
 */
class TemplatePoliciesTest {

    /**
     * Actions AWS allows only on {@code "Resource": "*"} (no resource-level permissions), with the reason.
     * A statement on "*" passes only if every action is listed here.
     */
    private static final Map<String, String> STAR_ONLY_ACTIONS = Map.of(
            "cloudwatch:PutMetricData", "CloudWatch has no resource-level permissions for PutMetricData",
            "xray:PutTraceSegments", "X-Ray's tracing actions have no resource-level permissions",
            "xray:PutTelemetryRecords", "X-Ray's tracing actions have no resource-level permissions");

    /** The IAM service prefix of the ARNs of each resource type a policy may name. */
    private static final Map<String, String> SERVICE_OF = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", "dynamodb"),
            Map.entry("AWS::Serverless::SimpleTable", "dynamodb"),
            Map.entry("AWS::S3::Bucket", "s3"),
            Map.entry("AWS::ApiGatewayV2::Api", "execute-api"),
            Map.entry("AWS::Serverless::HttpApi", "execute-api"),
            Map.entry("AWS::Serverless::Api", "execute-api"),
            Map.entry("AWS::Serverless::Function", "lambda"),
            Map.entry("AWS::Lambda::Function", "lambda"),
            Map.entry("AWS::SQS::Queue", "sqs"),
            Map.entry("AWS::SESV2::ConfigurationSet", "ses"),
            Map.entry("AWS::SNS::Topic", "sns"),
            Map.entry("AWS::Kinesis::Stream", "kinesis"),
            Map.entry("AWS::Events::EventBus", "events"),
            Map.entry("AWS::SecretsManager::Secret", "secretsmanager"),
            Map.entry("AWS::SSM::Parameter", "ssm"),
            Map.entry("AWS::KMS::Key", "kms"),
            Map.entry("AWS::Logs::LogGroup", "logs"),
            Map.entry("AWS::StepFunctions::StateMachine", "states"));

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition",
            "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs", "AWS::NoValue");

    @Test
    void everyPolicyStatementNamesResourcesOfTheTemplate() {
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (Resource fn : functions()) {
            Object policies = fn.properties().get("Policies");
            if (policies == null) {
                continue;
            }
            List<Object> entries = policies instanceof List<?> l ? new ArrayList<>(l) : List.of(policies);
            for (int i = 0; i < entries.size(); i++) {
                String where = fn.logicalId() + ".Policies[" + i + "]";
                Object entry = entries.get(i);
                if (entry instanceof String managed) {
                    problems.add(where + ": managed policy " + managed + " grants what this template cannot check; "
                            + "write the statements it needs instead");
                } else if (entry instanceof Map<?, ?> m && m.containsKey("Statement")) {
                    Object s = m.get("Statement");
                    List<?> list = s instanceof List<?> sl ? sl : List.of(s);
                    for (int j = 0; j < list.size(); j++) {
                        statements++;
                        statement(where + ".Statement[" + j + "]", OpenApiDoc.map(list.get(j), where), problems);
                    }
                } else if (entry instanceof Map<?, ?> m && m.size() == 1) {
                    statements++;
                    samPolicyTemplate(where, String.valueOf(m.keySet().iterator().next()), m.values().iterator().next(),
                            problems);
                } else {
                    problems.add(where + ": not a policy this check understands: " + entry);
                }
            }
        }
        assertNone(problems, "IAM policy problems");
        assertTrue(statements > 0, "no function declares Policies: then each has only the basic execution role");
    }

    private static void statement(String where, Map<String, Object> s, List<String> problems) {
        for (String key : List.of("NotAction", "NotResource", "Principal", "NotPrincipal")) {
            if (s.containsKey(key)) {
                problems.add(where + ": " + key + " has no place in a function's role policy");
            }
        }
        if (!Set.of("Allow", "Deny").contains(String.valueOf(s.get("Effect")))) {
            problems.add(where + ": Effect must be Allow or Deny, not " + s.get("Effect"));
        }
        List<String> actions = new ArrayList<>();
        if (asList(s.get("Action")).isEmpty()) {
            problems.add(where + ": no Action");
        }
        for (Object a : asList(s.get("Action"))) {
            if (!(a instanceof String action) || !action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
                problems.add(where + ": action " + a + " must be one named service:Action, with no wildcard");
            } else {
                actions.add(action);
            }
        }
        List<Object> targets = asList(s.get("Resource"));
        if (targets.isEmpty()) {
            problems.add(where + ": no Resource");
        }
        for (Object target : targets) {
            if ("*".equals(target)) {
                List<String> notStarOnly = actions.stream().filter(a -> !STAR_ONLY_ACTIONS.containsKey(a)).toList();
                if (!notStarOnly.isEmpty()) {
                    problems.add(where + ": Resource \"*\" for " + notStarOnly + ": name the template's resource "
                            + "(!GetAtt X.Arn, !Sub \"${X.Arn}/...\") instead; only " + STAR_ONLY_ACTIONS.keySet()
                            + " may use \"*\"");
                }
                continue;
            }
            Set<String> named = new LinkedHashSet<>();
            String literal = references(target, named, problems, where);
            Set<String> ids = new LinkedHashSet<>();
            boolean givenByParameter = named.stream().anyMatch(parameters()::contains);
            for (String name : named) {
                if (RESOURCES.containsKey(name)) {
                    ids.add(name);
                } else if (!PSEUDO_PARAMETERS.contains(name) && !parameters().contains(name)) {
                    problems.add(where + ": Resource " + target + " refers to " + name
                            + ", which is neither a resource, a parameter nor a pseudo parameter of the template");
                }
            }
            // A resource the stack is given rather than makes (an SES identity, an SMS originator, an SSM
            // parameter written by a one-off step) is named through the parameter that gives it.
            if (ids.isEmpty() && !givenByParameter) {
                problems.add(where + ": Resource " + target + " names no resource of the template"
                        + (literal != null ? " (a hard-coded ARN): refer to the resource with !GetAtt/!Ref/!Sub" : ""));
            }
            for (String id : ids) {
                String type = RESOURCES.get(id).type();
                String service = SERVICE_OF.get(type);
                if (service == null) {
                    problems.add(where + ": " + id + " is a " + type + "; add its ARN service to SERVICE_OF in this test");
                    continue;
                }
                for (String action : actions) {
                    if (!action.startsWith(service + ":")) {
                        problems.add(where + ": " + action + " on " + id + " (" + type + ", ARNs of " + service
                                + "): the action does not apply to that resource");
                    }
                }
            }
        }
    }

    /** A SAM policy template, e.g. DynamoDBCrudPolicy: {TableName: !Ref X}: each argument must name a resource. */
    private static void samPolicyTemplate(String where, String name, Object args, List<String> problems) {
        if (!name.endsWith("Policy")) {
            problems.add(where + ": " + name + " is not a SAM policy template");
            return;
        }
        if (!(args instanceof Map<?, ?> m) || m.isEmpty()) {
            // e.g. AWSXrayWriteOnlyAccess: {} holds no resource; there is nothing to check it against.
            problems.add(where + ": " + name + " names no resource; write a Statement instead");
            return;
        }
        m.forEach((k, v) -> {
            Set<String> named = new LinkedHashSet<>();
            references(v, named, problems, where + "." + name + "." + k);
            if (named.stream().noneMatch(RESOURCES::containsKey)) {
                problems.add(where + ": " + name + "." + k + " = " + v + " names no resource of the template");
            }
        });
    }

    /**
     * The names (logical ids, parameters, pseudo parameters) an intrinsic refers to, into {@code named};
     * answers the value itself when it is a plain string with no reference.
     */
    @SuppressWarnings("unchecked")
    private static String references(Object value, Set<String> named, List<String> problems, String where) {
        if (value instanceof String s) {
            return s;
        }
        if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
            problems.add(where + ": cannot read " + value);
            return null;
        }
        String fn = String.valueOf(m.keySet().iterator().next());
        Object arg = m.values().iterator().next();
        switch (fn) {
            case "Ref" -> named.add(String.valueOf(arg));
            case "Fn::GetAtt" -> named.add(String.valueOf(((List<Object>) arg).getFirst()));
            case "Fn::Sub" -> {
                String text = arg instanceof List<?> l ? String.valueOf(l.getFirst()) : String.valueOf(arg);
                Map<String, Object> vars = arg instanceof List<?> l && l.size() > 1
                        ? (Map<String, Object>) l.get(1) : Map.of();
                Matcher v = Pattern.compile("\\$\\{([^}!][^}]*)}").matcher(text);
                while (v.find()) {
                    String name = v.group(1);
                    if (vars.containsKey(name)) {
                        references(vars.get(name), named, problems, where);
                    } else {
                        named.add(name.contains(".") && !name.startsWith("AWS::")
                                ? name.substring(0, name.indexOf('.')) : name);
                    }
                }
            }
            case "Fn::If" -> {
                List<Object> branches = (List<Object>) arg;
                references(branches.get(1), named, problems, where);
                references(branches.get(2), named, problems, where);
            }
            case "Fn::Select" -> references(((List<Object>) arg).get(1), named, problems, where);
            case "Fn::Split" -> references(((List<Object>) arg).get(1), named, problems, where);
            case "Fn::Join" -> {
                for (Object part : (List<Object>) ((List<Object>) arg).get(1)) {
                    references(part, named, problems, where);
                }
            }
            default -> problems.add(where + ": " + fn + " in a policy Resource is not checked: use !Ref, !GetAtt or !Sub");
        }
        return null;
    }

    private static Set<String> parameters() {
        return OpenApiDoc.map(TEMPLATE.root().getOrDefault("Parameters", Map.of()), "Parameters").keySet();
    }

    private static List<Object> asList(Object v) {
        return v == null ? List.of() : v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
    }
}
