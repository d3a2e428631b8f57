package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumbersTest {
    private static final PhoneNumbers US = PhoneNumbers.withDefaultRegion("US");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(678) 231-9992          | +16782319992",
            "678.231.9992            | +16782319992",
            "6782319992              | +16782319992",
            "1-678-231-9992          | +16782319992",
            "+1 678 231 9992         | +16782319992",
            "+1 (678) 231-9992       | +16782319992",
            "+44 20 7946 0958        | +442079460958",
            "+44 (0)20 7946 0958     | +442079460958",
            "+49 30 1234567          | +49301234567",
            "+52 1 55 1234 5678      | +525512345678",
            "+52 55 1234 5678        | +525512345678",
            "+52 (33) 1234-5678      | +523312345678",
    })
    void normalisesAnyCountryToE164(String raw, String expected) {
        assertEquals(expected, US.toE164("phoneNumber", raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "020 7946 0958     | +442079460958",
            "07911 123456      | +447911123456",
            "+44 20 7946 0958  | +442079460958",
            "+1 678 231 9992   | +16782319992",
    })
    void readsNumbersWithoutCountryCodeInTheDefaultRegion(String raw, String expected) {
        assertEquals(expected, PhoneNumbers.withDefaultRegion("GB").toE164("phoneNumber", raw));
    }

    @Test
    void aMexicanMobileWrittenWithoutCountryCodeIsReadInTheDefaultRegion() {
        assertEquals("+525512345678", PhoneNumbers.withDefaultRegion("MX").toE164("phoneNumber", "55 1234 5678"));
        assertEquals("+528112345678", PhoneNumbers.withDefaultRegion("mx").toE164("phoneNumber", "(81) 1234-5678"));
        // Without a country code and in the US default region, the local form is no Mexican number.
        assertThrows(ValidationException.class, () -> US.toE164("phoneNumber", "(81) 1234-5678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "678-231-999", "2-678-231-9992", "+1234567", "+1234567890123456", "+0123456789",
            "call me", "678231999a", "++16782319992", "", "   ", "+1 123 456 7890", "+44 20 7946 095",
            "+52 55 1234 567", "+52 1 55 1234 567", "+52 2 55 1234 5678", "1-800-FLOWERS", "678-231-9992 ext. 12", "020 7946 0958"})
    void rejectsAnythingElse(String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> US.toE164("phoneNumber", raw));
        assertEquals("phoneNumber", e.errors().get(0).field());
        assertEquals("value_error", e.errors().get(0).type());
        // neutral: the HTTP adapter words it, naming the region ("... of the default region (US) ...")
        assertEquals(Rule.NOT_A_PHONE, e.errors().get(0).rule());
        assertEquals("US", e.errors().get(0).context(), e.errors().get(0).message());
    }

    @Test
    void refusesAnUnknownDefaultRegion() {
        assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.withDefaultRegion("XX"));
        assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.withDefaultRegion("USA"));
        assertEquals("GB", PhoneNumbers.withDefaultRegion(" gb ").defaultRegion());
    }
}
