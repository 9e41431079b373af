package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.runtime.OmetriaPipeline;
import io.micrometer.core.instrument.MeterRegistry;

/** Passes {@link OmetriaSettings#METER_REGISTRY} to the pipeline; loaded only when the setting is present. */
final class MeterRegistrySetting {

    private MeterRegistrySetting() {
    }

    static void apply(OmetriaPipeline.Builder builder, Object registry) {
        if (!(registry instanceof MeterRegistry meterRegistry)) {
            throw new IllegalArgumentException(OmetriaSettings.METER_REGISTRY.key() + " must be a Micrometer MeterRegistry instance, was "
                    + registry.getClass().getName());
        }
        builder.meterRegistry(meterRegistry);
    }
}
