package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(678) 231-9992   | +16782319992",
            "678.231.9992     | +16782319992",
            "6782319992       | +16782319992",
            "1-678-231-9992   | +16782319992",
            "+1 678 231 9992  | +16782319992",
            "+44 20 7946 0958 | +442079460958",
            "+49 30 1234567   | +49301234567",
    })
    void normalisesToE164(String raw, String expected) {
        assertEquals(expected, PhoneNumbers.toE164("phoneNumber", raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "678-231-999", "2-678-231-9992", "+1234567", "+1234567890123456", "+0123456789",
            "call me", "678231999a", "++16782319992", ""})
    void rejectsAnythingElse(String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> PhoneNumbers.toE164("phoneNumber", raw));
        assertEquals("phoneNumber", e.errors().get(0).field());
    }
}
