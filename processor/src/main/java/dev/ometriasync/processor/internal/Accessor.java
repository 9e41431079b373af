package dev.ometriasync.processor.internal;

/**
 * How generated code reads a member.
 *
 * @param name the getter's or field's name
 * @param method true for a getter call, false for a field read
 */
public record Accessor(String name, boolean method) {

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
