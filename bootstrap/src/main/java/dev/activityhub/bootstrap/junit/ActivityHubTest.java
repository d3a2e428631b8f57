package dev.activityhub.bootstrap.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class against one in-process harness ({@link ActivityHubExtension}), with a choice of isolation:
 * {@link Isolation#HUB} empties the whole harness before every test (tests run one at a time);
 * {@link Isolation#WORKSPACE} gives every test a fresh workspace of its own (inject a
 * {@link dev.activityhub.bootstrap.TestWorkspace} parameter) and deletes it afterwards, so the tests can run in
 * parallel on one harness. The clock is shared: tests that move it need the whole harness to themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(ActivityHubExtension.class)
public @interface ActivityHubTest {
    Isolation isolation() default Isolation.HUB;

    enum Isolation {
        /** Reset everything before each test. */
        HUB,
        /** Each test works in a workspace of its own; nothing is reset globally. */
        WORKSPACE
    }
}
