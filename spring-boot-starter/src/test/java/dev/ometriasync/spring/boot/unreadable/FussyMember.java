package dev.ometriasync.spring.boot.unreadable;

import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A club member whose first name, when it is {@value #REFUSED}, is written but never read back: its converter refuses
 * the stored value, as a converter does with data an older version of the application wrote.
 */
@Entity
@OmetriaContact(collection = "club")
public class FussyMember {

    /** The stored value the converter refuses to load. */
    public static final String REFUSED = "refused-on-read";

    @Id
    @OmetriaField("id")
    private String id;

    @Column(nullable = false)
    @OmetriaField("email")
    private String email;

    @OmetriaField("firstname")
    @Convert(converter = RefusingConverter.class)
    private String firstName;

    protected FussyMember() {
    }

    public FussyMember(String id, String email, String firstName) {
        this.id = id;
        this.email = email;
        this.firstName = firstName;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    /** Writes every value; refuses {@link #REFUSED} on reading. */
    public static final class RefusingConverter implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String attribute) {
            return attribute;
        }

        @Override
        public String convertToEntityAttribute(String column) {
            if (REFUSED.equals(column)) {
                throw new IllegalArgumentException("a stored first name this version cannot read");
            }
            return column;
        }
    }
}
