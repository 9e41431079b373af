package shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigInteger;
import java.util.List;

public class Catalog {

    @Entity
    @OmetriaProduct
    public static class Product {
        @Id @OmetriaField("id") private BigInteger sku;
        @OmetriaField("title") private String title;
        @OmetriaField("stores") private List<String> stores;

        public BigInteger getSku() { return sku; }
        public String getTitle() { return title; }
        public List<String> getStores() { return stores; }
    }
}
