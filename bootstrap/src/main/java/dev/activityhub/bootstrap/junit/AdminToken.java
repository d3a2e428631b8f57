package dev.activityhub.bootstrap.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} test parameter that {@link ActivityHubExtension} fills with the harness's admin token
 * (send it as {@code Authorization: Bearer …} to {@code /__harness} and {@code /admin/v1}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminToken {
}
