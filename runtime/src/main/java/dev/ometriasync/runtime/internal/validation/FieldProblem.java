package dev.ometriasync.runtime.internal.validation;

/**
 * One invalid or missing field found while checking a record.
 *
 * @param path where, such as {@code currency} or {@code lineitems[0].variant_options[1].label}
 * @param problem what is wrong, phrased to follow {@code field '<path>' }
 * @param required whether the field is one its object cannot do without (then the record is rejected
 *        whatever the policy)
 * @param drop leaves the field out of its (mutable) parent; null for a missing field or a top-level field,
 *        which the validator drops itself
 */
record FieldProblem(String path, String problem, boolean required, Runnable drop) {

    /**
     * The message, without the record's name.
     *
     * @return such as {@code field 'currency' value "EURO" is not an ISO 4217 currency code}
     */
    String describe() {
        return "field '" + path + "' " + problem;
    }

    /**
     * The top-level field the problem is in.
     *
     * @return the first path segment
     */
    String topLevelField() {
        return topLevelField(path);
    }

    /**
     * The top-level field of a path.
     *
     * @param path such as {@code lineitems[0].product_id}
     * @return the first path segment, such as {@code lineitems}
     */
    static String topLevelField(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
