/**
 * What keeps personal data out of logs and reasons: {@link dev.ometriasync.runtime.logging.EmailMasker},
 * used by the runtime and by every integration that logs a value or builds a message from record data.
 * Public so that integrations (the Hibernate module, the Spring Boot starter) mask exactly as the runtime
 * does. The API key never reaches a message at all.
 */
package dev.ometriasync.runtime.logging;
