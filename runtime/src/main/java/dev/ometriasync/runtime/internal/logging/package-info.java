/**
 * What keeps personal data out of logs and reasons: e-mail masking used by everything in the runtime
 * that logs a value or builds a message from record data. (The API key never reaches a message at all;
 * see {@code dev.ometriasync.runtime.internal.client.ApiKey}.)
 */
package dev.ometriasync.runtime.internal.logging;
