package dev.ometriasync.sample;

/**
 * A row of the shop's database: its entity class and JPA id.
 *
 * @param type the entity class
 * @param id the {@code @Id} value
 * @param why what happened to it, for the console
 */
record EntityRef(Class<?> type, long id, String why) {

    static EntityRef of(Class<?> type, long id) {
        return new EntityRef(type, id, "");
    }
}
