package dev.activityhub.domain.commerce;

/** Where an activity is carried out. */
public enum ActivityChannel {
    SALESMAN, CALLCENTER, WHATSAPP, EMAIL, SMS, PUSH
}
