package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.local.engines.CfnYaml;
import org.whatmatters.local.engines.Template;

/** What the local cloud does not emulate of queues and topics is reported by name, not dropped. */
class StackQueuesTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-2:000000000000:Topic";

    private static Stack read(String yaml) {
        Resolver r = new Resolver("eu-west-2", Map.of(), Map.of());
        r.ref("Fifo", "http://127.0.0.1/_aws/sqs/000000000000/Fifo")
                .attribute("Fifo", "Arn", "arn:aws:sqs:eu-west-2:000000000000:Fifo").attribute("Fifo", "QueueName", "Fifo");
        r.ref("Topic", TOPIC).attribute("Topic", "TopicName", "Topic");
        r.ref("Fn", "Fn").attribute("Fn", "Arn", "arn:aws:lambda:eu-west-2:000000000000:function:Fn");
        return Stack.read(new Template(CfnYaml.parse(yaml)), r);
    }

    @Test
    void fifoQueuesFiltersAndOtherProtocolsAreReportedAndEmailIsInert() {
        Stack stack = read("""
                Resources:
                  Fifo:
                    Type: AWS::SQS::Queue
                    Properties: { FifoQueue: true, SqsManagedSseEnabled: true, VisibilityTimeout: 45 }
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      DisplayName: t
                      Subscription: [{ Protocol: https, Endpoint: "https://example.com/hook" }]
                  Hook:
                    Type: AWS::SNS::Subscription
                    Properties: { TopicArn: !Ref Topic, Protocol: lambda, Endpoint: !GetAtt Fn.Arn }
                  Ghost:
                    Type: AWS::SNS::Subscription
                    Properties:
                      TopicArn: !Ref Topic
                      Protocol: lambda
                      Endpoint: arn:aws:lambda:eu-west-2:000000000000:function:Gone
                  Mail:
                    Type: AWS::SNS::Subscription
                    Properties: { TopicArn: !Ref Topic, Protocol: email, Endpoint: ops@example.com }
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                        Q: { Type: SQS, Properties: { Queue: !GetAtt Fifo.Arn, FilterCriteria: { Filters: [] } } }
                        T: { Type: SNS, Properties: { Topic: !Ref Topic, FilterPolicy: { kind: [a] } } }
                """);
        assertEquals(List.of("Fifo.FifoQueue", "Fn.Events.Q.FilterCriteria", "Fn.Events.T.FilterPolicy", "Ghost",
                "Topic.Subscription[0]"), List.copyOf(stack.unsupported().keySet()));
        assertTrue(stack.unsupported().get("Fifo.FifoQueue").contains("only standard queues"));
        assertTrue(stack.inertLocally().get("Mail").contains("no e-mail"));
        assertEquals(45, stack.queues().getFirst().visibilityTimeout());
        TopicSpec topic = stack.topics().getFirst();
        assertEquals(TOPIC, topic.arn());
        assertEquals(List.of("Hook", "Fn.Events.T"), topic.subscriptions().stream().map(TopicSpec.Subscription::source)
                .toList());
        topic.subscriptions().forEach(s -> {
            assertEquals("Fn", s.functionId());
            assertTrue(s.arn().startsWith(TOPIC + ":"), s.arn());
        });
        EventSource.SqsQueue q = stack.function("Fn").events(EventSource.SqsQueue.class).getFirst();
        assertEquals(new EventSource.SqsQueue("Q", "arn:aws:sqs:eu-west-2:000000000000:Fifo", 10, 0, false, true, 0), q,
                "SQS's defaults: batch 10, no window");
    }
}
