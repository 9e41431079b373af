package dev.ometriasync.bootsample.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/** Products. */
public interface ProductRepository extends JpaRepository<Product, String> {
}
