package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Contact;
import org.whatmatters.ops.Log;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;

/**
 * A mobile number is written to only after its owner typed back the code sent to it, so nobody can point
 * another person's updates, or our SMS spend, at a number that is not theirs.
 */
@Singleton
public final class PhoneVerification {

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int CODES_PER_DAY = 5;
    static final int ATTEMPTS = 5;

    private final ContactStore contacts;
    private final SuppressionStore suppressions;
    private final NotificationSettings settings;
    private final Channels channels;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public PhoneVerification(ContactStore contacts, SuppressionStore suppressions, NotificationSettings settings,
                             Channels channels, Clock clock) {
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.settings = settings;
        this.channels = channels;
        this.clock = clock;
    }

    /** Sends a code to the number; it becomes the caller's once {@link #verify} is given the code. */
    public SettingsView.ContactView start(Caller caller, PhoneNumber body) {
        Contact contact = settings.seen(caller);
        Violations v = new Violations();
        String phone = body == null ? null : body.phone();
        if (v.required("phone", phone) && !E164.matcher(phone).matches()) {
            v.add("phone", "must be a mobile number in international form, e.g. +447700900123");
        }
        if (body != null && body.code() != null) {
            v.add("code", "is sent to POST /me/phone/verify, not here");
        }
        v.throwIfAny();
        if (!channels.available().contains(Channel.SMS)) {
            throw ProblemException.unprocessable("This provider does not send SMS");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        int sentToday = today.equals(contact.codesDay()) ? contact.codesSent() : 0;
        if (sentToday >= CODES_PER_DAY) {
            throw ProblemException.of(429, "too-many-codes", "Too many codes today",
                    "At most " + CODES_PER_DAY + " codes are sent a day; try again tomorrow");
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Contact pending = contact.withPending(new Contact.PhoneCheck(phone, hash(caller.sub(), phone, code),
                now.plus(CODE_LIFETIME), 0), today, sentToday + 1);
        contacts.put(pending);
        SendResult sent = channels.sms(phone, "Your What Matters code is " + code + ". It lasts 10 minutes.");
        if (!(sent instanceof SendResult.Sent)) {
            Log.warn("verification code not sent: " + sent);
            throw ProblemException.of(502, "sms-not-sent", "The code could not be sent",
                    "The SMS service did not take the message; check the number and try again");
        }
        return settings.contactView(pending);
    }

    public SettingsView.ContactView verify(Caller caller, PhoneNumber body) {
        Contact contact = settings.seen(caller);
        Violations v = new Violations();
        String code = body == null ? null : body.code();
        if (v.required("code", code) && !code.matches("\\d{6}")) {
            v.add("code", "must be the 6 digits sent to the number");
        }
        v.throwIfAny();
        Contact.PhoneCheck check = contact.pending();
        Instant now = clock.instant();
        if (check == null || !check.expiresAt().isAfter(now) || check.attempts() >= ATTEMPTS) {
            throw ProblemException.conflict("No code is waiting: ask for a new one (PUT /me/phone)");
        }
        if (!MessageDigest.isEqual(hash(caller.sub(), check.phone(), code).getBytes(StandardCharsets.UTF_8),
                check.codeHash().getBytes(StandardCharsets.UTF_8))) {
            contacts.put(contact.withPending(new Contact.PhoneCheck(check.phone(), check.codeHash(), check.expiresAt(),
                    check.attempts() + 1), contact.codesDay(), contact.codesSent()));
            throw ProblemException.invalidField("code", "is not the code sent to " + check.phone());
        }
        Contact verified = contact.verified(now);
        contacts.put(verified);
        // Asking for SMS anew, with the code as proof, undoes an earlier STOP from this number.
        suppressions.remove(Channel.SMS, verified.phone());
        return settings.contactView(verified);
    }

    public void remove(Caller caller) {
        Contact contact = settings.seen(caller);
        contacts.put(contact.withoutPhone());
    }

    private static String hash(String sub, String phone, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((sub + "|" + phone + "|" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
