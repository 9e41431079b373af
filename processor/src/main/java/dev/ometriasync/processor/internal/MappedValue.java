package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * One mapped member: where it is read, how it is written and under which name.
 *
 * @param jsonName the JSON name it is written under (last segment of the path, or the property key)
 * @param path the full target, for messages: {@code email}, {@code channels.sms.allow_marketing}, {@code properties.tier}
 * @param property the Java attribute name, as Hibernate reports it when dirty
 * @param accessor how it is read
 * @param kind how it is written
 * @param primitive whether the Java type is primitive (never null)
 * @param zone the zone id for {@link ValueKind#LOCAL_DATE_TIME}, else empty
 * @param delegate the generated serializer of the referenced type, for customer, product and nested kinds; else null
 * @param referenced the referenced annotated type, for the same kinds; else null
 * @param enumValues for {@link ValueKind#ENUM}: each constant's name and the string written for it, when some
 *     constant has an {@code @OmetriaValue}; empty when every constant is written as its {@code name()}
 */
public record MappedValue(String jsonName, String path, String property, Accessor accessor, ValueKind kind,
                          boolean primitive, String zone, ClassName delegate,
                          TypeElement referenced, Map<String, String> enumValues) {
}
