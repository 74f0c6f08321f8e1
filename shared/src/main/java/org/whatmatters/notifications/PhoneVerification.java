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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.whatmatters.auth.Caller;
import org.whatmatters.config.Env;
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
    private final SmsBudget budget;
    private final List<String> countries;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public PhoneVerification(ContactStore contacts, SuppressionStore suppressions, NotificationSettings settings,
                             Channels channels, SmsBudget budget, Env env, Clock clock) {
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.settings = settings;
        this.channels = channels;
        this.budget = budget;
        this.countries = Arrays.stream(env.get("SMS_COUNTRIES").filter(c -> !c.isBlank()).orElse("+44").split(","))
                .map(String::strip).toList();
        this.clock = clock;
    }

    /** Sends a code to the number; it becomes the caller's once {@link #verify} is given the code. */
    public SettingsView.ContactView start(Caller caller, PhoneNumber body) {
        Contact contact = settings.seen(caller);
        Violations v = new Violations();
        String phone = body == null ? null : body.phone();
        if (v.required("phone", phone) && !E164.matcher(phone).matches()) {
            v.add("phone", "must be a mobile number in international form, e.g. +447700900123");
        } else if (phone != null && countries.stream().noneMatch(phone::startsWith)) {
            // Texts only to the countries the provider serves: no SMS pumping to premium numbers abroad.
            v.add("phone", "must be a number in " + countries + " (the countries this provider texts)");
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
        if (!contacts.tryCountCode(caller.sub(), today, CODES_PER_DAY)) {
            throw ProblemException.of(429, "too-many-codes", "Too many codes today",
                    "At most " + CODES_PER_DAY + " codes are sent a day; try again tomorrow");
        }
        if (!budget.take(1, now)) {
            throw ProblemException.of(429, "sms-budget-spent", "No SMS can be sent this month",
                    "The provider's SMS budget for this month is spent; try again next month");
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Contact counted = contacts.of(caller.sub());
        Contact pending = counted.withPending(new Contact.PhoneCheck(phone, hash(caller.sub(), phone, code),
                now.plus(CODE_LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 0),
                counted.codesDay(), counted.codesSent());
        contacts.put(pending);
        SendResult sent = channels.sms(phone, "Your What Matters code is " + code + ". It lasts 10 minutes.");
        if (sent instanceof SendResult.Rejected r && r.why().contains("OPTED_OUT")) {
            budget.giveBack(1, now);
            throw ProblemException.conflict("This number opted out of our texts: reply START to our number, then ask again");
        }
        if (!(sent instanceof SendResult.Sent)) {
            budget.giveBack(1, now);
            Log.warn("verification code not sent", "result", sent.getClass().getSimpleName());
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
        // The try is counted before the code is compared, in one conditional write.
        if (check == null || !contacts.tryCode(caller.sub(), check.codeHash(), ATTEMPTS, now)) {
            throw ProblemException.conflict("No code is waiting, or its tries are used up: ask for a new one (PUT /me/phone)");
        }
        if (!MessageDigest.isEqual(hash(caller.sub(), check.phone(), code).getBytes(StandardCharsets.UTF_8),
                check.codeHash().getBytes(StandardCharsets.UTF_8))) {
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
