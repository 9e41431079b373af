/**
 * Local validation of records against the schema catalogue before they are sent:
 * {@link dev.ometriasync.runtime.internal.validation.RecordValidator}. Not API; may change in any release.
 */
package dev.ometriasync.runtime.internal.validation;
