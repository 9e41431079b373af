/**
 * The settings model: each setting of ometria-sync declared once as a {@link dev.ometriasync.runtime.settings.Setting}
 * (key, type, default, validation, Javadoc), read from property maps by a
 * {@link dev.ometriasync.runtime.settings.SettingsReader}. The pipeline's settings are
 * {@link dev.ometriasync.runtime.settings.PipelineProperties}; the Hibernate integration declares its own beside
 * them.
 */
package dev.ometriasync.runtime.settings;
