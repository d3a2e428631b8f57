package dev.activityhub.bootstrap.junit;

import dev.activityhub.bootstrap.ActivityHub;
import dev.activityhub.bootstrap.HarnessClient;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.TestWorkspace;
import dev.activityhub.bootstrap.junit.ActivityHubTest.Isolation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@code @ExtendWith(ActivityHubExtension.class)} (or {@link ActivityHubTest}): one harness per test class on a
 * random port, emptied before every test; inject it as a {@link RunningHub} parameter, its control client as a
 * {@link HarnessClient} parameter, or its admin token as an {@code @AdminToken String} parameter. With
 * {@code @ActivityHubTest(isolation = WORKSPACE)} nothing is emptied; each test gets a {@link TestWorkspace} of its
 * own instead, deleted after the test.
 */
public final class ActivityHubExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ActivityHubExtension.class);
    private static final String KEY = "hub";
    private static final String WORKSPACE = "workspace";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(KEY, ActivityHub.harness().start());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (isolation(context) == Isolation.HUB) {
            hub(context).admin().reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestWorkspace workspace = context.getStore(NAMESPACE).remove(WORKSPACE, TestWorkspace.class);
        if (workspace != null && isolation(context) == Isolation.WORKSPACE) {
            hub(context).admin().resetWorkspace(workspace.id());
        }
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
        return type == RunningHub.class || type == HarnessClient.class || type == TestWorkspace.class
                || (type == String.class && parameter.isAnnotated(AdminToken.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RunningHub hub = hub(context);
        if (type == HarnessClient.class) {
            return hub.admin();
        }
        if (type == TestWorkspace.class) {
            return workspace(context, hub);
        }
        return type == String.class ? hub.adminToken() : hub;
    }

    /** The test's own workspace, created on first use (one per test, shared by its parameters and @BeforeEach). */
    private static TestWorkspace workspace(ExtensionContext context, RunningHub hub) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestWorkspace workspace = store.get(WORKSPACE, TestWorkspace.class);
        if (workspace == null) {
            workspace = hub.admin().createWorkspace();
            store.put(WORKSPACE, workspace);
        }
        return workspace;
    }

    private static Isolation isolation(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, ActivityHubTest.class))
                .map(ActivityHubTest::isolation)
                .orElse(Isolation.HUB);
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
