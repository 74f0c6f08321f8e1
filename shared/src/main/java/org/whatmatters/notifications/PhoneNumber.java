package org.whatmatters.notifications;

/** The body of PUT /me/phone (a mobile number in E.164, e.g. +447700900123) and of POST /me/phone/verify (the code). */
public record PhoneNumber(String phone, String code) {
}
