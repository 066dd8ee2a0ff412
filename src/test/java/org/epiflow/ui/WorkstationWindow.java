package org.epiflow.ui;

import org.epiflow.ui.prefs.Theme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link WorkstationExtension} opens the workstation window for a test class or method (the method's annotation
 * wins): language, theme and window size.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
public @interface WorkstationWindow {
    /** {@code "en"} or {@code "zh"}. */
    String language() default "en";

    Theme theme() default Theme.LIGHT;

    int width() default 1280;

    int height() default 800;
}
