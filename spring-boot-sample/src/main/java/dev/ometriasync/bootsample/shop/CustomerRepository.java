package dev.ometriasync.bootsample.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/** Customers. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {
}
