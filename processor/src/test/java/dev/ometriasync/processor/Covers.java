package dev.ometriasync.processor;

import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test that proves a diagnostic is reported, with its message, file and line. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
    OmetriaDiagnostic value();
}
