package dev.ometriasync.processor.internal;

/**
 * How generated code reads a member.
 *
 * @param name the getter's or field's name
 * @param method true for a getter call, false for a field read
 * @param deprecated whether the getter or field is deprecated (the generated class then suppresses the warning)
 */
public record Accessor(String name, boolean method, boolean deprecated) {

    /**
     * The Java expression reading the member of a variable.
     *
     * @param variable the variable holding the entity
     * @return for example {@code entity.getEmail()}
     */
    public String readFrom(String variable) {
        return variable + "." + name + (method ? "()" : "");
    }
}
