package dev.ometriasync.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an {@link OmetriaStartupException} as Spring Boot's "APPLICATION FAILED TO START" description and action. */
class OmetriaStartupFailureAnalyzer extends AbstractFailureAnalyzer<OmetriaStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OmetriaStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
