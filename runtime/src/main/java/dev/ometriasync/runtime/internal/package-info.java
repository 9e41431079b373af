/** Implementation details of the runtime; not API, may change in any release. */
package dev.ometriasync.runtime.internal;
