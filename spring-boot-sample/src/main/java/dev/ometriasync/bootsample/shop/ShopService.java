package dev.ometriasync.bootsample.shop;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's business operations, each one transaction. Nothing here mentions Ometria: the starter captures the
 * changes and sends them after commit.
 */
@Service
public class ShopService {

    private final CustomerRepository customers;
    private final ProductRepository products;

    public ShopService(CustomerRepository customers, ProductRepository products) {
        this.customers = customers;
        this.products = products;
    }

    @Transactional
    public Product addProduct(String sku, String title, BigDecimal price) {
        return products.save(new Product(sku, title, price, "https://shop.example.com/p/" + sku));
    }

    @Transactional
    public Customer signUp(String email, String firstName, String lastName) {
        return customers.save(new Customer(email, firstName, lastName, Instant.now()));
    }

    @Transactional
    public void changeEmail(long customerId, String email) {
        customers.findById(customerId).orElseThrow().setEmail(email);
    }

    /** Changes a price, then fails: the transaction rolls back and nothing is sent. */
    @Transactional
    public void changePriceButFail(String sku, BigDecimal price) {
        products.findById(sku).orElseThrow().setPrice(price);
        products.flush();
        throw new IllegalStateException("payment provider unavailable");
    }
}
