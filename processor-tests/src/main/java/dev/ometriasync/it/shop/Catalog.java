package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;

/** Groups entities as nested static classes; {@link Bundle}'s serializer is {@code Catalog$BundleOmetriaSerializer}. */
public final class Catalog {

    private Catalog() {
    }

    /** A product bundle, declared as a nested static entity class. */
    @Entity
    @OmetriaProduct
    public static class Bundle {

        @Id
        @OmetriaField("id")
        private Integer number;

        @OmetriaField("title")
        private String title;

        @OmetriaField("stores")
        private List<String> stores = new ArrayList<>();

        @OmetriaField("is_variant")
        private boolean variant;

        protected Bundle() {
        }

        public Bundle(Integer number, String title) {
            this.number = number;
            this.title = title;
        }

        public Integer getNumber() {
            return number;
        }

        public String getTitle() {
            return title;
        }

        public List<String> getStores() {
            return stores;
        }

        public boolean isVariant() {
            return variant;
        }
    }
}
