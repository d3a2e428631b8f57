package dev.activityhub.bootstrap;

import dev.activityhub.bootstrap.harness.FixtureLoader.FamilySection;

import java.util.ArrayList;
import java.util.List;

/** The typed fixture sections of every API family (each family adds its own). */
final class FixtureSections {
    private FixtureSections() {
    }

    static List<FamilySection> all() {
        List<FamilySection> sections = new ArrayList<>();
        return sections;
    }
}
