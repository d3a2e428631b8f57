package dev.activityhub.bootstrap.junit;

import dev.activityhub.bootstrap.ActivityHub;
import dev.activityhub.bootstrap.HarnessClient;
import dev.activityhub.bootstrap.RunningHub;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(ActivityHubExtension.class)}: one harness per test class on a random port,
 * emptied before every test; inject it as a {@link RunningHub} parameter, its control client as a
 * {@link HarnessClient} parameter, or its admin token as an {@code @AdminToken String} parameter.
 */
public final class ActivityHubExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ActivityHubExtension.class);
    private static final String KEY = "hub";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(KEY, ActivityHub.harness().start());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        hub(context).admin().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RunningHub hub = context.getStore(NAMESPACE).remove(KEY, RunningHub.class);
        if (hub != null) {
            hub.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningHub.class || type == HarnessClient.class
                || (type == String.class && parameter.isAnnotated(AdminToken.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RunningHub hub = hub(context);
        if (type == HarnessClient.class) {
            return hub.admin();
        }
        return type == String.class ? hub.adminToken() : hub;
    }

    private static RunningHub hub(ExtensionContext context) {
        RunningHub hub = context.getStore(NAMESPACE).get(KEY, RunningHub.class);
        if (hub == null) {
            hub = context.getParent().map(ActivityHubExtension::hub).orElseThrow(
                    () -> new IllegalStateException("ActivityHubExtension has no running hub"));
        }
        return hub;
    }
}
