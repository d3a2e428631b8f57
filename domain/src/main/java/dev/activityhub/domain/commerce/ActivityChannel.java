package dev.activityhub.domain.commerce;

/** Where an activity is carried out. */
public enum ActivityChannel {
    SALESMAN, CALLCENTER, WHATSAPP, EMAIL, SMS, PUSH;

    public static ActivityChannel parse(String field, String value) {
        return EnumParser.parse(ActivityChannel.class, field, value);
    }
}
