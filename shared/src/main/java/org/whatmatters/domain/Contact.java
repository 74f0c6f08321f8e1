package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How a family member is reached: the e-mail address their sign-in verified, and a mobile number, used for
 * SMS only once they typed back the code sent to it. {@code pending} is a number waiting for its code.
 */
public record Contact(String recipientId, String email, String phone, Instant phoneVerifiedAt, PhoneCheck pending,
                      LocalDate codesDay, int codesSent) {

    /** A code sent to a number, kept only as its hash; {@code attempts} wrong answers so far. */
    public record PhoneCheck(String phone, String codeHash, Instant expiresAt, int attempts) {
    }

    public static Contact none(String recipientId) {
        return new Contact(recipientId, null, null, null, null, null, 0);
    }

    public boolean smsVerified() {
        return phone != null && phoneVerifiedAt != null;
    }

    public Contact withEmail(String verifiedEmail) {
        return new Contact(recipientId, verifiedEmail, phone, phoneVerifiedAt, pending, codesDay, codesSent);
    }

    public Contact withPending(PhoneCheck check, LocalDate day, int sentThatDay) {
        return new Contact(recipientId, email, phone, phoneVerifiedAt, check, day, sentThatDay);
    }

    public Contact verified(Instant at) {
        return new Contact(recipientId, email, pending.phone(), at, null, codesDay, codesSent);
    }

    public Contact withoutPhone() {
        return new Contact(recipientId, email, null, null, null, codesDay, codesSent);
    }
}
