package dev.ometriasync.hibernate.badfixture;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.logging.EmailMasker;
import dev.ometriasync.schema.RecordType;

/** Keeps the rules (ArchitectureRulesNegativeTest's control): an integration class using only public API. */
public class HibernateClassUsingPublicApi {

    /** An allowed dependency on the runtime's public API. */
    public OmetriaRecord record;

    /** An allowed dependency on the API artifact. */
    public RecordType type;

    /**
     * An allowed use of the runtime's public logging helper.
     *
     * @param text any text
     * @return the text, e-mail addresses masked
     */
    public String masked(String text) {
        return EmailMasker.mask(text);
    }
}
