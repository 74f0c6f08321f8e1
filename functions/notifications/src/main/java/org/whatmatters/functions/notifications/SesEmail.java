package org.whatmatters.functions.notifications;

import org.whatmatters.notifications.RenderedMessage;
import org.whatmatters.notifications.SendResult;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * E-mail through SES (API v2) in the stack's region: text and HTML, the configuration set whose events
 * report bounces and complaints, and one-click unsubscribe (RFC 8058).
 */
final class SesEmail {

    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    SesEmail(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    SendResult send(String to, RenderedMessage m, String unsubscribeUrl) {
        try {
            var response = ses.sendEmail(r -> {
                r.fromEmailAddress(from).destination(d -> d.toAddresses(to))
                        .content(c -> c.simple(s -> s.subject(t -> t.data(m.subject()).charset("UTF-8"))
                                .body(b -> b.text(t -> t.data(m.text()).charset("UTF-8"))
                                        .html(t -> t.data(m.html()).charset("UTF-8")))
                                .headers(MessageHeader.builder().name("List-Unsubscribe").value("<" + unsubscribeUrl + ">").build(),
                                        MessageHeader.builder().name("List-Unsubscribe-Post")
                                                .value("List-Unsubscribe=One-Click").build(),
                                        MessageHeader.builder().name("X-WhatMatters-Update").value(m.updateId()).build())));
                if (!configurationSet.isBlank()) {
                    r.configurationSetName(configurationSet);
                }
            });
            return new SendResult.Sent(response.messageId());
        } catch (MessageRejectedException | BadRequestException e) {
            // Only these are about the message or its address: sending it again would fail again.
            return new SendResult.Rejected(e.awsErrorDetails().errorCode(), false);
        } catch (SesV2Exception e) {
            // Throttling, a paused or suspended account, an identity or configuration set not (yet) right, access
            // denied: the queue retries, and the dead letters (with their alarm) keep what never went out.
            return new SendResult.Failed(e.awsErrorDetails().errorCode());
        } catch (SdkClientException e) {
            return new SendResult.Unknown(e.getMessage());
        }
    }
}
